namespace ShoppingCart.Application.Operations;

/// <summary>How far a long operation is: events handled so far of the total, and how many of them were published.</summary>
public sealed record OperationProgress(int Done, int Total, int Published);
