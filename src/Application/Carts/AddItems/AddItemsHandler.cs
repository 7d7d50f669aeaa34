using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.AddItems;

public sealed class AddItemsHandler(CartUpdater updater) : ICommandHandler<AddItemsCommand, Result<CartView>>
{
    public async ValueTask<Result<CartView>> Handle(AddItemsCommand command, CancellationToken cancellationToken)
    {
        var items = CartItemInput.ToSkuQuantities(command.Items);
        if (!items.IsSuccess)
        {
            return items.Error;
        }

        return await updater.UpdateAsync(
            command.CartId, command.Owner, command.ExpectedVersion, command.CorrelationId, (cart, now) => cart.AddItems(items.Value, now), cancellationToken);
    }
}
