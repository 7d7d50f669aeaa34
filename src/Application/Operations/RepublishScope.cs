namespace ShoppingCart.Application.Operations;

/// <summary>Which outbox events to publish again: one cart's, or those that occurred in [Since, Until).</summary>
public sealed record RepublishScope
{
    private RepublishScope(string? cartId, DateTimeOffset? since, DateTimeOffset? until)
    {
        CartId = cartId;
        Since = since;
        Until = until;
    }

    public string? CartId { get; }

    public DateTimeOffset? Since { get; }

    /// <summary>Exclusive end of the window; null means up to now.</summary>
    public DateTimeOffset? Until { get; }

    public static RepublishScope ForCart(string cartId) => new(cartId, null, null);

    public static RepublishScope InWindow(DateTimeOffset since, DateTimeOffset? until) => new(null, since, until);

    public override string ToString() =>
        CartId is { } cart ? $"cart {cart}"
        : $"events that occurred from {Since:O} to {(Until is { } until ? until.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "now")}";
}
