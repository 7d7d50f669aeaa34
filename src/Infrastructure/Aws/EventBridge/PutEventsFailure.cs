namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>Why an entry was not published, and what to do about it.</summary>
public sealed record PutEventsFailure(string Code, string Message, FailureDisposition Disposition);
