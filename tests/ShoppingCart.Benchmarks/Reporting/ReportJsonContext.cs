using System.Text.Json.Serialization;

namespace ShoppingCart.Benchmarks.Reporting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BenchmarkReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
