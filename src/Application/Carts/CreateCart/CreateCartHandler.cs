using Mediator;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.CreateCart;

public sealed class CreateCartHandler(ICartIdGenerator ids, TimeProvider clock, CartUpdater updater, ICartStore store)
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

        var items = CartItemInputs.ToCartItems(command.Items);
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

        var saved = await updater.SaveAsync(cart.Value, command.CorrelationId, cancellationToken);
        if (saved.IsSuccess || command.IdempotencyKey is null || saved.Error.Kind != ErrorKind.VersionConflict)
        {
            return saved;
        }

        // The key was used before: this is a retry, and the cart it created is the answer (as it is now).
        var existing = await store.LoadAsync(id, cancellationToken);
        return existing is null ? saved : CartView.From(existing);
    }
}
