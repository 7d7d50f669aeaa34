using Mediator;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.CreateCart;

public sealed class CreateCartHandler(ICartIdGenerator ids, TimeProvider clock, CartWriter writer, CartReader reader)
    : ICommandHandler<CreateCartCommand, Result<CartView>>
{
    public const string CustomerMismatchCode = "cart.customer_mismatch";

    private static readonly Error CustomerMismatch = new(
        ErrorKind.Forbidden, CustomerMismatchCode, "customerId must be the caller's own (the token's subject) or be left out.");

    public async ValueTask<Result<CartView>> Handle(CreateCartCommand command, CancellationToken cancellationToken)
    {
        if (command.CustomerId is { } named && named != command.Owner.Value)
        {
            return CustomerMismatch;
        }

        var items = CartItemInput.ToSkuQuantities(command.Items);
        if (!items.IsSuccess)
        {
            return items.Error;
        }

        var id = command.IdempotencyKey is { } key ? IdempotentCartIds.For(command.Owner, key) : ids.NewId();
        var cart = Cart.Create(id, command.Owner, items.Value, clock.GetUtcNow());
        if (!cart.IsSuccess)
        {
            return cart.Error;
        }

        if (await writer.TryCreateAsync(cart.Value, command.CorrelationId, cancellationToken))
        {
            return CartView.From(cart.Value);
        }

        // The id is taken. With an idempotency key that means the key was used before: this is a retry, and the cart
        // the first request created is the answer (as it is now).
        if (command.IdempotencyKey is not null && await reader.LoadAsync(id, command.Owner, cancellationToken) is { IsSuccess: true } existing)
        {
            return CartView.From(existing.Value);
        }

        return CartConflicts.AlreadyExists(id);
    }
}
