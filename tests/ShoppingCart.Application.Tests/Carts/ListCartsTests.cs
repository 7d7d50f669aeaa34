using NSubstitute;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Carts.ListCarts;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Tests.Carts;

public sealed class ListCartsTests : IDisposable
{
    private readonly ApplicationHarness _app = new();

    [Fact]
    public async Task A_page_asks_the_store_for_one_more_cart_than_it_shows_and_its_cursor_points_after_the_last_shown()
    {
        var carts = Enumerable.Range(0, 3).Select(i => ApplicationHarness.StoredCart(new CartId(Guid.NewGuid()), 1)).ToList();
        _app.Store.ListByCustomerAsync(ApplicationHarness.Owner, null, 3, Arg.Any<CancellationToken>()).Returns(carts);

        var page = (await _app.Mediator.Send(new ListCartsQuery(ApplicationHarness.Owner, 2, null))).Value;

        Assert.Equal(carts.Take(2).Select(c => c.Id.ToString()), page.Items.Select(c => c.CartId));
        Assert.True(CartListCursor.TryDecode(page.NextCursor, out var position));
        Assert.Equal(CartListPosition.Of(carts[1]), position);
    }

    [Fact]
    public async Task The_cursor_is_handed_to_the_store_and_a_short_answer_is_the_last_page()
    {
        var after = new CartListPosition(ApplicationHarness.Now, new CartId(Guid.NewGuid()));
        _app.Store.ListByCustomerAsync(ApplicationHarness.Owner, after, ListCartsValidator.DefaultLimit + 1, Arg.Any<CancellationToken>())
            .Returns([ApplicationHarness.StoredCart(new CartId(Guid.NewGuid()), 1)]);

        var page = (await _app.Mediator.Send(new ListCartsQuery(ApplicationHarness.Owner, null, CartListCursor.Encode(after)))).Value;

        Assert.Single(page.Items);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData(0, null, "limit")]
    [InlineData(101, null, "limit")]
    [InlineData(null, "%%%", "cursor")]
    [InlineData(null, "djJ8MjAyNi0xMS0zMFQxMjowMDowMC4wMDAwMDAwKzAwOjAwfDAxOTNhMWIyLWMzZDQtN2U1Zi04YTliLTBjMWQyZTNmNGE1Yg", "cursor")]
    public async Task A_limit_outside_1_to_100_or_a_foreign_cursor_is_a_validation_error(int? limit, string? cursor, string field)
    {
        var result = await _app.Mediator.Send(new ListCartsQuery(ApplicationHarness.Owner, limit, cursor));

        Assert.Equal((ErrorKind.Validation, "request.invalid_parameter"), (result.Error?.Kind, result.Error?.Code));
        Assert.Equal([field], result.Error!.FieldErrors.Keys);
        await _app.Store.DidNotReceiveWithAnyArgs().ListByCustomerAsync(default, default, default, default);
    }

    [Fact]
    public void A_cursor_round_trips_its_position()
    {
        var position = new CartListPosition(ApplicationHarness.Now.AddTicks(1234567), ApplicationHarness.FixedCartId);

        Assert.True(CartListCursor.TryDecode(CartListCursor.Encode(position), out var decoded));
        Assert.Equal(position, decoded);
    }

    public void Dispose() => _app.Dispose();
}
