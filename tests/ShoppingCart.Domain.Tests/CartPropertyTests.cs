using CsCheck;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Domain.Carts.Events;

namespace ShoppingCart.Domain.Tests;

/// <summary>Random operation sequences against a plain dictionary model of what the cart should hold.</summary>
public class CartPropertyTests
{
    private static readonly string[] Skus = ["A", "B", "C", "D", "E"];

    private static readonly Gen<Operation> GenOperation = Gen.OneOf(
        Gen.Select(Gen.Int[0, Skus.Length - 1], Gen.Int[-2, CartLimits.MaxRequestedQuantity + 2], (s, q) => new Operation(OperationKind.Add, Skus[s], q)),
        Gen.Select(Gen.Int[0, Skus.Length - 1], Gen.Int[-2, CartLimits.MaxRequestedQuantity + 2], (s, q) => new Operation(OperationKind.Remove, Skus[s], q)),
        Gen.Select(Gen.Int[0, Skus.Length - 1], s => new Operation(OperationKind.RemoveLine, Skus[s], 0)),
        Gen.Const(new Operation(OperationKind.CheckOut, "", 0)));

    [Fact]
    public void Quantities_always_equal_accepted_adds_minus_accepted_removes()
    {
        GenOperation.Array[0, 60].Sample(operations =>
        {
            var cart = CartFactory.Stored();
            var model = new Dictionary<string, int>();
            var checkedOut = false;
            var accepted = 0;

            foreach (var operation in operations)
            {
                var expectedOk = operation.Kind switch
                {
                    OperationKind.Add => !checkedOut && operation.Quantity is >= 1 and <= CartLimits.MaxRequestedQuantity
                        && model.GetValueOrDefault(operation.Sku) + operation.Quantity <= CartLimits.MaxLineQuantity,
                    OperationKind.Remove => !checkedOut && operation.Quantity is >= 1 and <= CartLimits.MaxRequestedQuantity
                        && model.GetValueOrDefault(operation.Sku) >= operation.Quantity,
                    OperationKind.RemoveLine => !checkedOut && model.ContainsKey(operation.Sku),
                    _ => !checkedOut && model.Count > 0,
                };
                var result = Apply(cart, operation);

                Assert.Equal(expectedOk, result.IsSuccess);
                if (!expectedOk)
                {
                    continue;
                }

                accepted++;
                checkedOut |= operation.Kind == OperationKind.CheckOut;
                var quantity = operation.Kind switch
                {
                    OperationKind.Add => model.GetValueOrDefault(operation.Sku) + operation.Quantity,
                    OperationKind.Remove => model[operation.Sku] - operation.Quantity,
                    OperationKind.RemoveLine => 0,
                    _ => model.GetValueOrDefault(operation.Sku),
                };
                if (operation.Kind != OperationKind.CheckOut)
                {
                    if (quantity == 0)
                    {
                        model.Remove(operation.Sku);
                    }
                    else
                    {
                        model[operation.Sku] = quantity;
                    }
                }
            }

            Assert.Equal(model.OrderBy(kv => kv.Key), cart.Lines.ToDictionary(l => l.Sku.Value, l => l.Quantity).OrderBy(kv => kv.Key));
            Assert.All(cart.Lines, line => Assert.InRange(line.Quantity, 1, CartLimits.MaxLineQuantity));
            Assert.Equal(1 + accepted, cart.Version);
            Assert.Equal(accepted, cart.PendingEvents.Count);
            Assert.Equal(Enumerable.Range(2, accepted).Select(v => (long)v), cart.PendingEvents.Select(e => e.CartVersion));
            Assert.Equal(checkedOut, cart.Status == CartStatus.CheckedOut);
        });
    }

    [Fact]
    public void Replaying_the_line_changes_of_the_events_rebuilds_the_cart()
    {
        GenOperation.Array[0, 60].Sample(operations =>
        {
            var cart = CartFactory.Stored();
            foreach (var operation in operations)
            {
                Apply(cart, operation);
            }

            var replayed = new Dictionary<string, int>();
            foreach (var change in cart.PendingEvents.SelectMany(Changes))
            {
                if (change.LineQuantity == 0)
                {
                    replayed.Remove(change.Sku.Value);
                }
                else
                {
                    replayed[change.Sku.Value] = change.LineQuantity;
                }
            }

            Assert.Equal(replayed.OrderBy(kv => kv.Key), cart.Lines.ToDictionary(l => l.Sku.Value, l => l.Quantity).OrderBy(kv => kv.Key));
        });
    }

    private static IEnumerable<CartLineChange> Changes(ICartEvent cartEvent) => cartEvent switch
    {
        ItemsAddedToCart added => added.Changes,
        ItemsRemovedFromCart removed => removed.Changes,
        _ => [],
    };

    private static Result Apply(Cart cart, Operation operation) => operation.Kind switch
    {
        OperationKind.Add => cart.AddItems([new SkuQuantity(Sku.FromTrusted(operation.Sku), operation.Quantity)], CartFactory.Later),
        OperationKind.Remove => cart.RemoveItems([new SkuQuantity(Sku.FromTrusted(operation.Sku), operation.Quantity)], CartFactory.Later),
        OperationKind.RemoveLine => cart.RemoveLine(Sku.FromTrusted(operation.Sku), CartFactory.Later),
        _ => cart.CheckOut(CartFactory.Later),
    };

    private enum OperationKind
    {
        Add,
        Remove,
        RemoveLine,
        CheckOut,
    }

    private sealed record Operation(OperationKind Kind, string Sku, int Quantity);
}
