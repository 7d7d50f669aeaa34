using System.Text.Json.Serialization;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>
/// The answer to a stream batch when the event source mapping has <c>ReportBatchItemFailures</c>: an empty list is
/// success; otherwise Lambda checkpoints before the lowest sequence number named and retries from there.
/// </summary>
public sealed record BatchItemFailuresResponse(
    [property: JsonPropertyName("batchItemFailures")] IReadOnlyList<BatchItemFailure> BatchItemFailures)
{
    public static readonly BatchItemFailuresResponse AllHandled = new([]);

    /// <summary>Names only the first unhandled entry: Lambda resumes at the lowest one anyway, and naming one is unambiguous.</summary>
    public static BatchItemFailuresResponse From(ForwardReport report) =>
        report.FirstFailedPosition is { } position ? new([new BatchItemFailure(position)]) : AllHandled;
}
