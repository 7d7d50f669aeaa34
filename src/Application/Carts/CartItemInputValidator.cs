using FluentValidation;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>The per-line rules every command with items shares; the domain checks them again (limits across lines too).</summary>
public sealed class CartItemInputValidator : AbstractValidator<CartItemInput>
{
    public CartItemInputValidator()
    {
        RuleFor(i => i.Sku)
            .Must(Sku.IsValid)
            .WithErrorCode(CartErrors.InvalidSkuCode)
            .WithMessage($"sku must be 1 to {Sku.MaxLength} characters of A-Z, a-z, 0-9, '.', '_' or '-'.");
        RuleFor(i => i.Quantity)
            .InclusiveBetween(1, CartLimits.MaxRequestedQuantity)
            .WithErrorCode(CartErrors.InvalidQuantityCode)
            .WithMessage($"quantity must be between 1 and {CartLimits.MaxRequestedQuantity}.");
    }
}
