using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>Turns validated client input into domain items.</summary>
internal static class CartItemInputs
{
    public static Result<IReadOnlyList<CartItem>> ToCartItems(IReadOnlyList<CartItemInput>? inputs)
    {
        var items = new List<CartItem>(inputs?.Count ?? 0);
        for (var i = 0; i < (inputs?.Count ?? 0); i++)
        {
            var sku = Sku.Create(inputs![i].Sku, $"items[{i}].sku");
            if (!sku.IsSuccess)
            {
                return sku.Error;
            }

            items.Add(new CartItem(sku.Value, inputs[i].Quantity));
        }

        return items;
    }
}
