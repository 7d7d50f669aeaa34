using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>One requested line as a client sent it, before validation.</summary>
public sealed record CartItemInput(string? Sku, int Quantity)
{
    /// <summary>Turns validated client input into what the cart takes.</summary>
    public static Result<IReadOnlyList<SkuQuantity>> ToSkuQuantities(IReadOnlyList<CartItemInput>? inputs)
    {
        var items = new List<SkuQuantity>(inputs?.Count ?? 0);
        for (var i = 0; i < (inputs?.Count ?? 0); i++)
        {
            var sku = Domain.Carts.Sku.Create(inputs![i].Sku, $"items[{i}].sku");
            if (!sku.IsSuccess)
            {
                return sku.Error;
            }

            items.Add(new SkuQuantity(sku.Value, inputs[i].Quantity));
        }

        return items;
    }
}
