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
            .WithMessage(Sku.Rule);
        RuleFor(c => c.Quantity)
            .InclusiveBetween(1, CartLimits.MaxRequestedQuantity)
            .When(c => c.Quantity is not null)
            .WithErrorCode(CartErrors.InvalidQuantityCode)
            .WithMessage(CartErrors.QuantityRule);
    }
}
