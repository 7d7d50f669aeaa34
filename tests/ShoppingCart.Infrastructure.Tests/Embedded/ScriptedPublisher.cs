using System.Collections.Concurrent;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>
/// An event publisher (an application port) that answers each record by a rule the test sets, and remembers every
/// call and every published record in order.
/// </summary>
public sealed class ScriptedPublisher : IEventPublisher
{
    private readonly ConcurrentQueue<OutboxRecord> _published = new();
    private readonly ConcurrentQueue<IReadOnlyList<OutboxRecord>> _calls = new();

    /// <summary>The answer for a record; null publishes it.</summary>
    public Func<OutboxRecord, PublishOutcome?> Rule { get; set; } = _ => null;

    public IReadOnlyList<OutboxRecord> Published => [.. _published];

    public IReadOnlyList<IReadOnlyList<OutboxRecord>> Calls => [.. _calls];

    public Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken)
    {
        _calls.Enqueue(records);
        var outcomes = new List<PublishOutcome>(records.Count);
        foreach (var record in records)
        {
            var outcome = Rule(record) ?? PublishOutcome.Published;
            if (outcome.Status == PublishStatus.Published)
            {
                _published.Enqueue(record);
            }

            outcomes.Add(outcome);
        }

        return Task.FromResult<IReadOnlyList<PublishOutcome>>(outcomes);
    }
}
