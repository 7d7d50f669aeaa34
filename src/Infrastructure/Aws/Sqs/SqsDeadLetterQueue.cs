using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Aws.Sqs;

/// <summary>Keeps outbox records that can never be published in an SQS queue, whole, with the reason (<see cref="DeadLetterMessage"/>).</summary>
public sealed class SqsDeadLetterQueue(IAmazonSQS sqs, IOptions<DeadLetterQueueOptions> options, TimeProvider time) : IDeadLetterQueue
{
    public async Task SendAsync(FeedEntry entry, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var asJson = TryParseJson(entry.RawContent);
        var message = new DeadLetterMessage(
            reason,
            entry.Position,
            time.GetUtcNow(),
            entry.Record?.EventId,
            entry.Record?.EventType,
            entry.Record?.CartId,
            asJson,
            asJson is null ? entry.RawContent : null);

        await sqs.SendMessageAsync(
            new SendMessageRequest
            {
                QueueUrl = options.Value.QueueUrl!.AbsoluteUri,
                MessageBody = JsonSerializer.Serialize(message, DeadLetterJsonContext.Default.DeadLetterMessage),
            },
            cancellationToken);
    }

    private static JsonElement? TryParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
