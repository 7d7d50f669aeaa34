using FluentValidation;

namespace ShoppingCart.Application.Carts.ListCarts;

public sealed class ListCartsValidator : AbstractValidator<ListCartsQuery>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const string InvalidParameterCode = "request.invalid_parameter";

    public ListCartsValidator()
    {
        RuleFor(q => q.Limit)
            .InclusiveBetween(1, MaxLimit)
            .When(q => q.Limit is not null)
            .WithErrorCode(InvalidParameterCode)
            .WithMessage($"limit must be between 1 and {MaxLimit}.");
        RuleFor(q => q.Cursor)
            .Must(cursor => cursor is null || CartListCursor.TryDecode(cursor, out _))
            .WithErrorCode(InvalidParameterCode)
            .WithMessage("cursor must be a nextCursor this API returned.");
    }
}
