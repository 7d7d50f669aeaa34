using Microsoft.IdentityModel.JsonWebTokens;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.Identity;

/// <summary>
/// The authenticated caller, bound into cart endpoints: the customer named by the verified token's subject. Every
/// cart route requires authentication, and <see cref="CallerTokenEvents"/> refuses a token whose subject is not a
/// valid customer id, so an endpoint never runs without one.
/// </summary>
public sealed record Caller(CustomerId CustomerId)
{
    public static ValueTask<Caller?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subject = context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var customer = CustomerId.Create(subject);
        return customer.IsSuccess
            ? ValueTask.FromResult<Caller?>(new Caller(customer.Value))
            : throw new InvalidOperationException("A cart endpoint ran without a verified caller; it must require authorization.");
    }
}
