using FluentValidation;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.AddItems;

public sealed class AddItemsValidator : AbstractValidator<AddItemsCommand>
{
    public AddItemsValidator()
    {
        RuleFor(c => c.Items)
            .NotEmpty()
            .WithErrorCode(CartErrors.NoItemsCode)
            .WithMessage("At least one item is required.")
            .Must(items => items is null || items.Count <= CartLimits.MaxLines)
            .WithErrorCode(CartErrors.LineCountLimitCode)
            .WithMessage($"At most {CartLimits.MaxLines} items may be sent at once.");
        RuleForEach(c => c.Items)
            .NotNull()
            .WithErrorCode(CartErrors.InvalidItemCode)
            .WithMessage("Each item must be an object with a sku and a quantity.")
            .SetValidator(new CartItemInputValidator());
    }
}
