using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.CheckoutCart;

public sealed class CheckoutCartHandler(CartUpdater updater) : ICommandHandler<CheckoutCartCommand, Result<CartView>>
{
    public async ValueTask<Result<CartView>> Handle(CheckoutCartCommand command, CancellationToken cancellationToken) =>
        await updater.UpdateAsync(command.CartId, command.Owner, command.ExpectedVersion, command.CorrelationId, (cart, now) => cart.CheckOut(now), cancellationToken);
}
