using NSubstitute;
using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.CreateCart;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Tests.Carts;

public sealed class CreateCartTests : IDisposable
{
    private readonly ApplicationHarness _app = new();

    [Fact]
    public async Task Creating_a_cart_saves_it_with_its_CartCreated_outbox_record()
    {
        _app.SavesSucceed();

        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, null, [new CartItemInput("A-1", 2), new CartItemInput("A-1", 1)], "corr-1"));

        Assert.True(result.IsSuccess);
        Assert.Equal(ApplicationHarness.FixedCartId.ToString(), result.Value.CartId);
        Assert.Equal("Open", result.Value.Status);
        Assert.Equal([new CartLineView("A-1", 3)], result.Value.Items);
        Assert.Equal(1, result.Value.Version);
        Assert.Equal(ApplicationHarness.Now, result.Value.CreatedAt);
        var save = Assert.Single(_app.Saves);
        Assert.Equal((ApplicationHarness.FixedCartId, 0L, 1L), (save.CartId, save.ExpectedVersion, save.NewVersion));
        var record = Assert.Single(save.Outbox);
        Assert.Equal(("CartCreated", "corr-1", 1L), (record.EventType, record.CorrelationId, record.CartVersion));
    }

    [Fact]
    public async Task Invalid_input_is_reported_field_by_field_and_nothing_is_saved()
    {
        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, " ", [new CartItemInput("bad sku", 0), new CartItemInput("ok", 1)], "corr"));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["customerId", "items[0].quantity", "items[0].sku"], result.Error!.FieldErrors.Keys.Order(StringComparer.Ordinal));
        await _app.Store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_null_item_is_a_validation_error_not_a_crash()
    {
        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, null, [null!], "corr"));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(CartErrors.InvalidItemCode, result.Error?.Code);
        Assert.Contains("items[0]", result.Error!.FieldErrors.Keys);
    }

    [Fact]
    public async Task More_items_than_a_cart_may_hold_are_refused_before_the_domain_runs()
    {
        var items = Enumerable.Range(0, CartLimits.MaxLines + 1).Select(i => new CartItemInput($"S{i}", 1)).ToArray();

        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, null, items, "corr"));

        Assert.Equal(CartErrors.LineCountLimitCode, result.Error?.Code);
    }

    [Fact]
    public async Task Domain_limits_that_span_lines_come_back_as_validation_errors()
    {
        var items = Enumerable.Repeat(new CartItemInput("A", CartLimits.MaxRequestedQuantity), 11).ToArray();

        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, null, items, "corr"));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(CartErrors.LineQuantityLimitCode, result.Error?.Code);
        await _app.Store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task With_an_idempotency_key_the_cart_id_comes_from_the_customer_and_the_key()
    {
        _app.SavesSucceed();

        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, null, null, "corr", "key-1"));

        Assert.Equal(IdempotentCartIds.For(CustomerId.Create("customer-1").Value, "key-1").ToString(), result.Value.CartId);
        Assert.NotEqual(IdempotentCartIds.For(CustomerId.Create("customer-2").Value, "key-1"), IdempotentCartIds.For(CustomerId.Create("customer-1").Value, "key-1"));
        _app.Ids.DidNotReceive().NewId();
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_answers_the_cart_the_first_request_created()
    {
        var id = IdempotentCartIds.For(CustomerId.Create("customer-1").Value, "key-1");
        _app.Store.SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<ShoppingCart.Application.Outbox.OutboxRecord>>(), Arg.Any<CancellationToken>())
            .Returns(ShoppingCart.Application.Abstractions.SaveOutcome.VersionConflict);
        _app.StoreHolds(id, 3, ("A-1", 4));

        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, null, [new CartItemInput("A-1", 1)], "corr", "key-1"));

        Assert.True(result.IsSuccess);
        Assert.Equal(id.ToString(), result.Value.CartId);
        Assert.Equal(3, result.Value.Version);
    }

    [Fact]
    public async Task Without_an_idempotency_key_a_taken_id_is_already_exists_not_a_version_conflict()
    {
        _app.Store.SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<ShoppingCart.Application.Outbox.OutboxRecord>>(), Arg.Any<CancellationToken>())
            .Returns(ShoppingCart.Application.Abstractions.SaveOutcome.VersionConflict);
        _app.StoreHolds(ApplicationHarness.FixedCartId, 3, ("A-1", 4));

        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, null, [new CartItemInput("A-1", 1)], "corr", null));

        Assert.Equal(ErrorKind.RuleViolation, result.Error?.Kind);
        Assert.Equal(CartConflicts.AlreadyExistsCode, result.Error?.Code);
        await _app.Store.DidNotReceiveWithAnyArgs().LoadAsync(default, default);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ünicode")]
    public async Task An_unusable_idempotency_key_is_a_validation_error(string key)
    {
        var result = await _app.Mediator.Send(new CreateCartCommand(ApplicationHarness.Owner, null, null, "corr", key));

        Assert.Equal(CreateCartValidator.InvalidIdempotencyKeyCode, result.Error?.Code);
        Assert.Equal(["idempotencyKey"], result.Error!.FieldErrors.Keys);
    }

    public void Dispose() => _app.Dispose();
}
