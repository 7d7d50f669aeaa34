using NSubstitute;
using ShoppingCart.Application.Carts.AddItems;
using ShoppingCart.Application.Carts.CheckoutCart;
using ShoppingCart.Application.Carts.CreateCart;
using ShoppingCart.Application.Carts.GetCart;
using ShoppingCart.Application.Carts.RemoveItems;
using ShoppingCart.Application.Carts;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Tests.Carts;

public sealed class OwnershipTests : IDisposable
{
    private static readonly CartId Id = ApplicationHarness.FixedCartId;
    private static readonly CustomerId Stranger = CustomerId.Create("customer-2").Value;

    private readonly ApplicationHarness _app = new();

    [Fact]
    public async Task Another_customers_cart_is_not_found_by_any_use_case_and_nothing_is_saved()
    {
        _app.StoreHolds(Id, 2, ("A", 1));
        _app.SavesSucceed();

        Result<CartView>[] results =
        [
            await _app.Mediator.Send(new GetCartQuery(Id.Value, Stranger)),
            await _app.Mediator.Send(new AddItemsCommand(Id.Value, Stranger, [new CartItemInput("B", 1)], null, "corr")),
            await _app.Mediator.Send(new RemoveItemsCommand(Id.Value, Stranger, "A", null, null, "corr")),
            await _app.Mediator.Send(new CheckoutCartCommand(Id.Value, Stranger, 2, "corr")),
        ];

        Assert.All(results, r => Assert.Equal(("cart.not_found", $"Cart {Id} does not exist."), (r.Error?.Code, r.Error?.Message)));
        Assert.Empty(_app.Saves);
    }

    [Fact]
    public async Task A_create_naming_another_customer_is_forbidden_and_nothing_is_saved()
    {
        _app.SavesSucceed();

        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, "customer-2", null, "corr"));

        Assert.Equal((ErrorKind.Forbidden, CreateCartHandler.CustomerMismatchCode), (result.Error?.Kind, result.Error?.Code));
        Assert.Empty(_app.Saves);
    }

    [Fact]
    public async Task A_create_without_a_customer_id_belongs_to_the_caller()
    {
        _app.SavesSucceed();

        var result = await _app.Mediator.Send(new CreateCartCommand(Stranger, null, null, "corr"));

        Assert.Equal("customer-2", result.Value.CustomerId);
    }

    public void Dispose() => _app.Dispose();
}
