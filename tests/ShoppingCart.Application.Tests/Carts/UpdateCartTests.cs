using NSubstitute;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.AddItems;
using ShoppingCart.Application.Carts.CheckoutCart;
using ShoppingCart.Application.Carts.GetCart;
using ShoppingCart.Application.Carts.RemoveItems;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Tests.Carts;

public sealed class UpdateCartTests : IDisposable
{
    private static readonly CartId Id = ApplicationHarness.FixedCartId;

    private readonly ApplicationHarness _app = new();

    [Fact]
    public async Task Adding_items_saves_the_merged_cart_expecting_the_loaded_version()
    {
        _app.StoreHolds(Id, 4, ("A", 1));
        _app.SavesSucceed();

        var result = await _app.Mediator.Send(new AddItemsCommand(Id.Value, ApplicationHarness.Owner, [new CartItemInput("A", 2)], null, "corr-9"));

        Assert.Equal([new CartLineView("A", 3)], result.Value.Items);
        Assert.Equal(5, result.Value.Version);
        var save = Assert.Single(_app.Saves);
        Assert.Equal((4L, 5L), (save.ExpectedVersion, save.NewVersion));
        var record = Assert.Single(save.Outbox);
        Assert.Equal(("ItemsAddedToCart", 5L, "corr-9"), (record.EventType, record.CartVersion, record.CorrelationId));
    }

    [Fact]
    public async Task An_unknown_cart_is_not_found()
    {
        var result = await _app.Mediator.Send(new AddItemsCommand(Guid.NewGuid(), ApplicationHarness.Owner, [new CartItemInput("A", 2)], null, "corr"));

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        Assert.Equal("cart.not_found", result.Error?.Code);
    }

    [Fact]
    public async Task Without_an_expected_version_a_lost_race_is_retried_on_the_fresh_cart()
    {
        var versions = new Queue<long>([3, 4]);
        _app.Store.LoadAsync(Id, Arg.Any<CancellationToken>()).Returns(_ => ApplicationHarness.StoredCart(Id, versions.Dequeue(), ("A", 1)));
        _app.Store.SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>())
            .Returns(SaveOutcome.VersionConflict, SaveOutcome.Saved);

        var result = await _app.Mediator.Send(new AddItemsCommand(Id.Value, ApplicationHarness.Owner, [new CartItemInput("B", 1)], null, "corr"));

        Assert.True(result.IsSuccess);
        Assert.Equal(5, result.Value.Version);
        await _app.Store.Received(2).SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Retries_of_a_lost_race_are_bounded()
    {
        _app.StoreHolds(Id, 3, ("A", 1));
        _app.Store.SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>()).Returns(SaveOutcome.VersionConflict);

        var result = await _app.Mediator.Send(new CheckoutCartCommand(Id.Value, ApplicationHarness.Owner, null, "corr"));

        Assert.Equal(ErrorKind.Contention, result.Error?.Kind);
        await _app.Store.Received(CartUpdater.MaxAttempts).SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_stale_expected_version_fails_at_once_without_saving()
    {
        _app.StoreHolds(Id, 3, ("A", 1));

        var result = await _app.Mediator.Send(new CheckoutCartCommand(Id.Value, ApplicationHarness.Owner, 2, "corr"));

        Assert.Equal(ErrorKind.StaleVersion, result.Error?.Kind);
        await _app.Store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task With_an_expected_version_a_lost_race_is_not_retried()
    {
        _app.StoreHolds(Id, 3, ("A", 1));
        _app.Store.SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>()).Returns(SaveOutcome.VersionConflict);

        var result = await _app.Mediator.Send(new CheckoutCartCommand(Id.Value, ApplicationHarness.Owner, 3, "corr"));

        Assert.Equal(ErrorKind.StaleVersion, result.Error?.Kind);
        await _app.Store.Received(1).SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Removing_without_a_quantity_removes_the_whole_line()
    {
        _app.StoreHolds(Id, 2, ("A", 1500), ("B", 1));
        _app.SavesSucceed();

        var result = await _app.Mediator.Send(new RemoveItemsCommand(Id.Value, ApplicationHarness.Owner, "A", null, null, "corr"));

        Assert.Equal([new CartLineView("B", 1)], result.Value.Items);
    }

    [Fact]
    public async Task Removing_some_units_keeps_the_rest()
    {
        _app.StoreHolds(Id, 2, ("A", 5));
        _app.SavesSucceed();

        var result = await _app.Mediator.Send(new RemoveItemsCommand(Id.Value, ApplicationHarness.Owner, "A", 2, null, "corr"));

        Assert.Equal([new CartLineView("A", 3)], result.Value.Items);
    }

    [Theory]
    [InlineData("bad sku", 1, "sku")]
    [InlineData("A", 0, "quantity")]
    [InlineData("A", 1000, "quantity")]
    public async Task Invalid_removals_are_validation_errors(string sku, int quantity, string field)
    {
        var result = await _app.Mediator.Send(new RemoveItemsCommand(Id.Value, ApplicationHarness.Owner, sku, quantity, null, "corr"));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal([field], result.Error!.FieldErrors.Keys);
    }

    [Fact]
    public async Task A_rule_the_cart_refuses_is_a_rule_violation_and_nothing_is_saved()
    {
        _app.StoreHolds(Id, 2);

        var result = await _app.Mediator.Send(new CheckoutCartCommand(Id.Value, ApplicationHarness.Owner, null, "corr"));

        Assert.Equal(ErrorKind.RuleViolation, result.Error?.Kind);
        Assert.Equal(CartErrors.EmptyCode, result.Error?.Code);
        await _app.Store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task Adding_nothing_is_a_validation_error()
    {
        var result = await _app.Mediator.Send(new AddItemsCommand(Id.Value, ApplicationHarness.Owner, [], null, "corr"));

        Assert.Equal(CartErrors.NoItemsCode, result.Error?.Code);
        Assert.Equal(["items"], result.Error!.FieldErrors.Keys);
    }

    [Fact]
    public async Task A_store_fault_is_not_swallowed()
    {
        _app.StoreHolds(Id, 2, ("A", 1));
        _app.Store.SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>())
            .Returns<SaveOutcome>(_ => throw new TransientStoreException("throttled"));

        await Assert.ThrowsAsync<TransientStoreException>(async () => await _app.Mediator.Send(new CheckoutCartCommand(Id.Value, ApplicationHarness.Owner, null, "corr")));
    }

    [Fact]
    public async Task Getting_a_cart_returns_its_view_or_not_found()
    {
        _app.StoreHolds(Id, 6, ("A", 2), ("B", 3));

        var found = await _app.Mediator.Send(new GetCartQuery(Id.Value, ApplicationHarness.Owner));
        var missing = await _app.Mediator.Send(new GetCartQuery(Guid.NewGuid(), ApplicationHarness.Owner));

        Assert.Equal(6, found.Value.Version);
        Assert.Equal(5, found.Value.TotalQuantity);
        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
    }

    public void Dispose() => _app.Dispose();
}
