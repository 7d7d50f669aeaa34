using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Operations;

/// <summary>What a republish did.</summary>
/// <param name="Found">Events of the scope the relay had already handled, all taken up.</param>
/// <param name="Published">How many of them were published again.</param>
/// <param name="NotPublished">Those that were not, with why.</param>
/// <param name="LeftToRelay">Events of the scope the relay has not handled yet, left to it.</param>
public sealed record RepublishSummary(int Found, int Published, IReadOnlyList<ForwardOutcome> NotPublished, int LeftToRelay)
{
    public bool Succeeded => NotPublished.Count == 0;
}
