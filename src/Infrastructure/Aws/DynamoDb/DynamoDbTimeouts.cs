namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// How long the DynamoDB cart store may take at worst, so that a slow store ends in the API's own answer (503, or 500
/// <c>service.outcome_unknown</c>) before the function times out and API Gateway answers 502/504 without a code. Plain
/// constants, no timers: the SDK bounds each attempt, the store counts its resends, and the CDK stack (which links this
/// file) sizes the API function's timeout from <see cref="Command"/>.
/// </summary>
public static class DynamoDbTimeouts
{
    /// <summary>One HTTP attempt; DynamoDB answers item operations in milliseconds.</summary>
    public static readonly TimeSpan Attempt = TimeSpan.FromSeconds(1);

    /// <summary>Retries the SDK makes itself (the same request, so the same ClientRequestToken).</summary>
    public const int SdkRetries = 2;

    /// <summary>The SDK's backoff before its retries, at most (standard mode: jittered, from 100 ms, doubling).</summary>
    public static readonly TimeSpan SdkBackoff = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Waits before the store's own identical resends of a save whose outcome is unknown. They add up to more than 5 s,
    /// so the last resend lets DynamoDB complete a transaction still in progress (API reference,
    /// TransactionInProgressException: "at least one retry ... after 5 seconds have elapsed since the first attempt").
    /// </summary>
    public static readonly TimeSpan[] ResendDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)];

    /// <summary>One SDK call with its retries.</summary>
    public static TimeSpan Call => (Attempt * (SdkRetries + 1)) + SdkBackoff;

    /// <summary>A save at worst: the call, each resend after its wait, and the consistent read that settles it.</summary>
    public static TimeSpan Save => Call + ResendDelays.Aggregate(TimeSpan.Zero, (sum, delay) => sum + delay + Call) + Call;

    /// <summary>One command at worst: a load and a save.</summary>
    public static TimeSpan Command => Call + Save;
}
