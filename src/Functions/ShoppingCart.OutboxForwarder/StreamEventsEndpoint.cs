using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Aws.Streams;

namespace ShoppingCart.OutboxForwarder;

/// <summary>
/// The forwarder itself: a DynamoDB stream batch in, its outbox entries forwarded by the shared use case, and the
/// partial-batch answer out (<c>{"batchItemFailures":[...]}</c>), which the adapter hands back to Lambda.
/// </summary>
internal static class StreamEventsEndpoint
{
    private static readonly Func<ILogger, int, int, int, string?, string?, DateTimeOffset?, IDisposable?> StreamBatchScope =
        LoggerMessage.DefineScope<int, int, int, string?, string?, DateTimeOffset?>(
            "Stream batch of {StreamRecords} records ({SkippedRecords} skipped, {TimeToLiveDeletions} of them TTL deletions), sequence numbers {FirstSequenceNumber} to {LastSequenceNumber}, oldest change at {OldestChangeAt}");

    public static IEndpointRouteBuilder MapStreamEvents(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapPost(path, ForwardAsync);
        return endpoints;
    }

    private static async Task<IResult> ForwardAsync(HttpRequest request, OutboxBatchForwarder forwarder, ILogger<OutboxBatchForwarder> logger, CancellationToken cancellationToken)
    {
        StreamBatch batch;
        try
        {
            batch = await DynamoDbStreamParser.ParseAsync(request.Body, request.ContentLength, cancellationToken);
        }
        catch (MalformedStreamEventException exception)
        {
            // Not a 400: Lambda counts only the configured error statuses (5xx) as a failed invocation, and a batch
            // that could not even be read must never count as forwarded.
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Not a DynamoDB stream event", detail: exception.Message);
        }

        // The forwarder writes the one line per batch; the scope adds what only the stream knows.
        using var scope = StreamBatchScope(logger, batch.RecordCount, batch.SkippedCount, batch.TimeToLiveDeletionCount, batch.FirstPosition, batch.LastPosition, batch.OldestChangeAt);
        var report = await forwarder.ForwardAsync(batch.Entries, cancellationToken);
        return Results.Json(
            BatchItemFailuresResponse.From(report),
            DynamoDbStreamJsonContext.Default.BatchItemFailuresResponse,
            contentType: "application/json");
    }
}
