using Mediator;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.CreateCart;

public sealed class CreateCartHandler(ICartIdGenerator ids, TimeProvider clock, CartWriter writer, CartReader reader)
    : ICommandHandler<CreateCartCommand, Result<CartView>>
{
    public async ValueTask<Result<CartView>> Handle(CreateCartCommand command, CancellationToken cancellationToken)
    {
        var customerId = CustomerId.Create(command.CustomerId);
        if (!customerId.IsSuccess)
        {
            return customerId.Error;
        }

        var items = CartItemInput.ToSkuQuantities(command.Items);
        if (!items.IsSuccess)
        {
            return items.Error;
        }

        var id = command.IdempotencyKey is { } key ? IdempotentCartIds.For(customerId.Value, key) : ids.NewId();
        var cart = Cart.Create(id, customerId.Value, items.Value, clock.GetUtcNow());
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
        if (command.IdempotencyKey is not null && await reader.LoadAsync(id, cancellationToken) is { IsSuccess: true } existing)
        {
            return CartView.From(existing.Value);
        }

        return CartConflicts.AlreadyExists(id);
    }
}
