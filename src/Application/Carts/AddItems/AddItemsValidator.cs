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
            .WithMessage(CartErrors.NoItemsRule)
            .Must(items => items is null || items.Count <= CartLimits.MaxLines)
            .WithErrorCode(CartErrors.LineCountLimitCode)
            .WithMessage(CartItemInputValidator.TooManyItemsRule);
        RuleForEach(c => c.Items)
            .NotNull()
            .WithErrorCode(CartErrors.InvalidItemCode)
            .WithMessage(CartItemInputValidator.NotAnItemRule)
            .SetValidator(new CartItemInputValidator());
    }
}
