using FluentValidation;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.CreateCart;

public sealed class CreateCartValidator : AbstractValidator<CreateCartCommand>
{
    public const string InvalidIdempotencyKeyCode = "request.invalid_idempotency_key";

    public CreateCartValidator()
    {
        RuleFor(c => c.CustomerId)
            .Must(id => id is null || CustomerId.Create(id).IsSuccess)
            .WithErrorCode(CartErrors.InvalidCustomerIdCode)
            .WithMessage(CustomerId.Rule);
        RuleFor(c => c.IdempotencyKey)
            .Must(key => key is null || IdempotentCartIds.IsValidKey(key))
            .WithErrorCode(InvalidIdempotencyKeyCode)
            .WithMessage($"Idempotency-Key must be 1 to {IdempotentCartIds.MaxKeyLength} visible ASCII characters.");
        RuleFor(c => c.Items)
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
