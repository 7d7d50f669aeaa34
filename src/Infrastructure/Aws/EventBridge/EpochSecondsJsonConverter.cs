using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// AWS JSON protocols send timestamps as epoch seconds, a number with the milliseconds as a fraction
/// (<c>1796040000.123</c>). Decimal arithmetic keeps the digits exact.
/// </summary>
public sealed class EpochSecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(reader.GetDecimal() * 1000m));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
    }
}
