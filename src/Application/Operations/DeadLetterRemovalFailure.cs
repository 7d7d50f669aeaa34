namespace ShoppingCart.Application.Operations;

/// <summary>A published dead letter the store could not remove: it stays, and a later replay publishes it again (same id).</summary>
public sealed record DeadLetterRemovalFailure(DeadLetter Letter, string Reason);
