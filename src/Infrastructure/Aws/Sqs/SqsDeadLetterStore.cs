using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Operations;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Aws.Streams;

namespace ShoppingCart.Infrastructure.Aws.Sqs;

/// <summary>
/// The operator's side of the poison-record queue. Receiving claims messages for <see cref="ClaimSeconds"/> (the
/// visibility timeout), so a concurrent replay cannot take the same ones; a published letter is deleted, every other
/// one is made visible again at once (or, should that call fail, when the claim runs out). The queue has no redrive
/// policy of its own, so receiving a message any number of times never moves it anywhere.
/// </summary>
public sealed class SqsDeadLetterStore(IAmazonSQS sqs, IOptions<DeadLetterQueueOptions> options) : IDeadLetterStore
{
    /// <summary>Long enough to publish what was received before another reader may see it.</summary>
    public const int ClaimSeconds = 300;

    /// <summary>ReceiveMessage returns at most 10 messages; the batch calls take at most 10 entries.</summary>
    private const int MaxBatch = 10;

    private string QueueUrl => options.Value.QueueUrl!.AbsoluteUri;

    public async Task<IReadOnlyList<DeadLetter>> ReceiveAllAsync(CancellationToken cancellationToken)
    {
        var letters = new Dictionary<string, DeadLetter>(StringComparer.Ordinal);
        while (true)
        {
            // Long polling (WaitTimeSeconds > 0) asks every SQS server, so an empty answer means the queue has nothing
            // visible left; a short poll samples some servers and may answer empty while messages wait.
            var response = await sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest
                {
                    QueueUrl = QueueUrl,
                    MaxNumberOfMessages = MaxBatch,
                    WaitTimeSeconds = 1,
                    VisibilityTimeout = ClaimSeconds,
                    MessageSystemAttributeNames = ["SentTimestamp"],
                },
                cancellationToken);
            if (response.Messages is not { Count: > 0 } messages)
            {
                return [.. letters.Values];
            }

            foreach (var message in messages)
            {
                letters[message.MessageId] = Read(message);
            }
        }
    }

    public async Task<IReadOnlyList<DeadLetterRemovalFailure>> RemoveAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var failures = new List<DeadLetterRemovalFailure>();
        foreach (var batch in letters.Chunk(MaxBatch))
        {
            // A 200 answer may still list entries that were not deleted: each entry's result is read.
            var response = await sqs.DeleteMessageBatchAsync(
                new DeleteMessageBatchRequest
                {
                    QueueUrl = QueueUrl,
                    Entries = [.. batch.Select((letter, i) => new DeleteMessageBatchRequestEntry { Id = EntryId(i), ReceiptHandle = letter.Receipt })],
                },
                cancellationToken);
            foreach (var failed in response.Failed ?? [])
            {
                failures.Add(new DeadLetterRemovalFailure(batch[int.Parse(failed.Id, CultureInfo.InvariantCulture)], $"{failed.Code}: {failed.Message}"));
            }
        }

        return failures;
    }

    public async Task ReleaseAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        foreach (var batch in letters.Chunk(MaxBatch))
        {
            try
            {
                await sqs.ChangeMessageVisibilityBatchAsync(
                    new ChangeMessageVisibilityBatchRequest
                    {
                        QueueUrl = QueueUrl,
                        Entries = [.. batch.Select((letter, i) => new ChangeMessageVisibilityBatchRequestEntry { Id = EntryId(i), ReceiptHandle = letter.Receipt, VisibilityTimeout = 0 })],
                    },
                    cancellationToken);
            }
            catch (AmazonServiceException)
            {
                // Not fatal: a letter left claimed becomes visible again when its visibility timeout runs out.
            }
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var attributes = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = QueueUrl, AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] },
            cancellationToken);
        return (long)attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }

    private static string EntryId(int index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>A message as <see cref="SqsDeadLetterQueue"/> wrote it: the reason, and the stream record whole.</summary>
    private static DeadLetter Read(Message message)
    {
        var sentAt = message.Attributes is { } attributes && attributes.TryGetValue("SentTimestamp", out var sent)
            && long.TryParse(sent, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : DateTimeOffset.MinValue;
        DeadLetterMessage? body;
        string problem;
        try
        {
            body = JsonSerializer.Deserialize(message.Body, DeadLetterJsonContext.Default.DeadLetterMessage);
            problem = "empty body";
        }
        catch (JsonException exception)
        {
            body = null;
            problem = exception.Message;
        }

        if (body is null)
        {
            // Not written by SqsDeadLetterQueue: listed as it is, and never published or deleted by a replay.
            var unreadable = FeedEntry.Unreadable(message.MessageId, message.Body, $"Not a dead-letter message: {problem}");
            return new DeadLetter(message.MessageId, message.ReceiptHandle, unreadable, unreadable.UnreadableReason!, sentAt);
        }

        return new DeadLetter(message.MessageId, message.ReceiptHandle, EntryOf(body), body.Reason ?? "(no reason given)", body.DeadLetteredAt);
    }

    private static FeedEntry EntryOf(DeadLetterMessage body)
    {
        if (body.Record is not { } raw)
        {
            return FeedEntry.Unreadable(body.Position, body.RecordText ?? string.Empty, "The dead letter holds no stream record.");
        }

        if (raw.ValueKind != JsonValueKind.Object || !raw.TryGetProperty("dynamodb", out var change) || change.ValueKind != JsonValueKind.Object)
        {
            return FeedEntry.Unreadable(body.Position, raw.GetRawText(), "Not a DynamoDB stream record: it has no dynamodb object.");
        }

        if (!change.TryGetProperty("NewImage", out var image) || image.ValueKind != JsonValueKind.Object)
        {
            return FeedEntry.Unreadable(body.Position, raw.GetRawText(), "The stream record has no NewImage.");
        }

        return OutboxImageReader.TryRead(image, out var outboxRecord, out var problem)
            ? FeedEntry.Readable(body.Position, outboxRecord, raw.GetRawText())
            : FeedEntry.Unreadable(body.Position, raw.GetRawText(), problem);
    }
}
