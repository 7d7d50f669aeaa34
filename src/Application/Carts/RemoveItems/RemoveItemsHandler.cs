using Mediator;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.RemoveItems;

public sealed class RemoveItemsHandler(CartUpdater updater) : ICommandHandler<RemoveItemsCommand, Result<CartView>>
{
    public async ValueTask<Result<CartView>> Handle(RemoveItemsCommand command, CancellationToken cancellationToken)
    {
        var sku = Sku.Create(command.Sku);
        if (!sku.IsSuccess)
        {
            return sku.Error;
        }

        return await updater.UpdateAsync(
            command.CartId,
            command.Owner,
            command.ExpectedVersion,
            command.CorrelationId,
            (cart, now) => command.Quantity is { } quantity
                ? cart.RemoveUnits(sku.Value, quantity, now)
                : cart.RemoveLine(sku.Value, now),
            cancellationToken);
    }
}
