using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>One publish in progress: each record's entry, size and latest outcome, and which records are still to be sent.</summary>
internal sealed class PublishBatch(int count)
{
    public PutEventsRequestEntry[] Entries { get; } = new PutEventsRequestEntry[count];

    public int[] Sizes { get; } = new int[count];

    public PublishOutcome?[] Results { get; } = new PublishOutcome?[count];

    public List<int> Pending { get; set; } = new(count);

    /// <summary>Takes one attempt's results; returns the records worth sending again (transient faults and faults of the setup).</summary>
    public List<int> Record(PutEventsFailure?[] failures, int attempt)
    {
        var again = new List<int>();
        foreach (var i in Pending)
        {
            Results[i] = failures[i] switch
            {
                null => PublishOutcome.Published,
                { Disposition: FailureDisposition.DeadLetter } failure => PublishOutcome.Permanent(failure.Code, failure.Message),
                { Disposition: FailureDisposition.ReportFailed } failure => PublishOutcome.Setup(failure.Code, Attempts(failure, attempt)),
                { } failure => PublishOutcome.Retryable(failure.Code, Attempts(failure, attempt)),
            };
            if (Results[i]!.Status is PublishStatus.RetryableFailure or PublishStatus.SetupFault)
            {
                again.Add(i);
            }
        }

        return again;
    }

    /// <summary>Marks every pending record as not sent this time (the feed retries it); a setup fault seen earlier stays one.</summary>
    public void GiveUpOnPending(string code, string message)
    {
        foreach (var i in Pending)
        {
            Results[i] = Results[i] is { Status: PublishStatus.SetupFault } setup ? setup : PublishOutcome.Retryable(code, message);
        }
    }

    public IReadOnlyList<PublishOutcome> Outcomes() => [.. Results.Select(result => result!)];

    private static string Attempts(PutEventsFailure failure, int attempt) => $"{failure.Message} (still failing after {attempt} attempt(s))";
}
