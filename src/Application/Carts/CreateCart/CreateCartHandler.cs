using Mediator;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.CreateCart;

public sealed class CreateCartHandler(ICartIdGenerator ids, TimeProvider clock, CartUpdater updater)
    : ICommandHandler<CreateCartCommand, Result<CartView>>
{
    public async ValueTask<Result<CartView>> Handle(CreateCartCommand command, CancellationToken cancellationToken)
    {
        var customerId = CustomerId.Create(command.CustomerId);
        if (!customerId.IsSuccess)
        {
            return customerId.Error;
        }

        var items = CartItemInputs.ToCartItems(command.Items);
        if (!items.IsSuccess)
        {
            return items.Error;
        }

        var cart = Cart.Create(ids.NewId(), customerId.Value, items.Value, clock.GetUtcNow());
        return cart.IsSuccess ? await updater.SaveAsync(cart.Value, command.CorrelationId, cancellationToken) : cart.Error;
    }
}
