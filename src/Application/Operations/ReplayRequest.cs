namespace ShoppingCart.Application.Operations;

/// <summary>Which dead letters to publish again: all of them, or those with the given event ids; a dry run publishes nothing.</summary>
public sealed record ReplayRequest(bool All, IReadOnlyList<string> EventIds, bool DryRun);
