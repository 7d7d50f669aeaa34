using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application.Operations;

namespace ShoppingCart.Operations;

/// <summary><c>dead-letters [--json]</c>: one line per dead letter, oldest first, or a JSON array for machines.</summary>
internal sealed record DeadLettersCommand(bool Json) : IOperatorCommand
{
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var letters = await services.GetRequiredService<ListDeadLetters>().RunAsync(cancellationToken);
        if (Json)
        {
            await output.WriteLineAsync(ToJson(letters));
            return ExitCodes.Success;
        }

        await output.WriteLineAsync(letters.Count == 0 ? "No dead letters." : string.Create(CultureInfo.InvariantCulture, $"{letters.Count} dead letter(s), oldest first:"));
        foreach (var letter in letters)
        {
            await output.WriteLineAsync(Describe(letter));
        }

        return ExitCodes.Success;
    }

    /// <summary>Event id, type, cart and version, when, and why; an unreadable letter shows its store id instead.</summary>
    public static string Describe(DeadLetter letter) =>
        letter.Record is { } record
            ? string.Create(CultureInfo.InvariantCulture, $"{record.EventId}  {record.EventType}  cart {record.CartId} v{record.CartVersion}  {letter.DeadLetteredAt:O}  {letter.Reason}")
            : string.Create(CultureInfo.InvariantCulture, $"(unreadable, id {letter.Id})  {letter.DeadLetteredAt:O}  {letter.Reason}");

    private static string ToJson(IReadOnlyList<DeadLetter> letters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var letter in letters)
            {
                json.WriteStartObject();
                json.WriteString("id", letter.Id);
                WriteOrNull(json, "eventId", letter.Record?.EventId);
                WriteOrNull(json, "eventType", letter.Record?.EventType);
                WriteOrNull(json, "cartId", letter.Record?.CartId);
                if (letter.Record is { } record)
                {
                    json.WriteNumber("cartVersion", record.CartVersion);
                }
                else
                {
                    json.WriteNull("cartVersion");
                }

                json.WriteString("reason", letter.Reason);
                json.WriteString("deadLetteredAt", letter.DeadLetteredAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
