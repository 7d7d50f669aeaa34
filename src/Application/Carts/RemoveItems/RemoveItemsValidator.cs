using FluentValidation;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.RemoveItems;

public sealed class RemoveItemsValidator : AbstractValidator<RemoveItemsCommand>
{
    public RemoveItemsValidator()
    {
        RuleFor(c => c.Sku)
            .Must(Sku.IsValid)
            .WithErrorCode(CartErrors.InvalidSkuCode)
            .WithMessage($"sku must be 1 to {Sku.MaxLength} characters of A-Z, a-z, 0-9, '.', '_' or '-'.");
        RuleFor(c => c.Quantity)
            .InclusiveBetween(1, CartLimits.MaxRequestedQuantity)
            .When(c => c.Quantity is not null)
            .WithErrorCode(CartErrors.InvalidQuantityCode)
            .WithMessage($"quantity must be between 1 and {CartLimits.MaxRequestedQuantity}.");
    }
}
