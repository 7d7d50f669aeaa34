using ShoppingCart.Application.Operations;

namespace ShoppingCart.Infrastructure.Aws;

/// <summary>
/// What the AWS family can tell without CloudWatch: the poison-record queue's size. The backlog lives in the stream,
/// which has no count: its measure is the forwarder's <c>IteratorAge</c> metric, which the stack alarms on.
/// </summary>
public sealed class AwsOutboxStatus(IDeadLetterStore deadLetters) : IOutboxStatusSource
{
    public async Task<OutboxStatus> ReadAsync(CancellationToken cancellationToken) =>
        new(
            Backlog: null,
            OldestUnpublishedAt: null,
            Checkpoint: null,
            Relay: "the outbox stream's event source mapping (Lambda keeps its position per shard)",
            HeadFailure: null,
            DeadLetters: await deadLetters.CountAsync(cancellationToken),
            Notes:
            [
                "Backlog and oldest unpublished age: the forwarder function's IteratorAge metric (alarm IteratorAge).",
                "Positions the stream gave up on: the StreamFailures queue; republish their time window with --since/--until.",
            ]);
}
