using FluentValidation;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>The per-line rules every command with items shares, worded by the value objects that own them.</summary>
public sealed class CartItemInputValidator : AbstractValidator<CartItemInput>
{
    /// <summary>Said when an entry of an items list is null rather than an object.</summary>
    public const string NotAnItemRule = "Each item must be an object with a sku and a quantity.";

    /// <summary>Said when a request lists more items than a cart may hold lines.</summary>
    public static readonly string TooManyItemsRule = $"At most {CartLimits.MaxLines} items may be sent at once.";

    public CartItemInputValidator()
    {
        RuleFor(i => i.Sku)
            .Must(Sku.IsValid)
            .WithErrorCode(CartErrors.InvalidSkuCode)
            .WithMessage(Sku.Rule);
        RuleFor(i => i.Quantity)
            .InclusiveBetween(1, CartLimits.MaxRequestedQuantity)
            .WithErrorCode(CartErrors.InvalidQuantityCode)
            .WithMessage(CartErrors.QuantityRule);
    }
}
