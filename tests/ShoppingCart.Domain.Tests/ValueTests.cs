using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Domain.Tests;

public class ValueTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("sku-1_2.3")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Valid_skus_are_accepted(string value)
    {
        Assert.True(Sku.Create(value).IsSuccess);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("has space")]
    [InlineData("slash/")]
    [InlineData("ümlaut")]
    [InlineData("emoji😀")]
    [InlineData("tab\t")]
    public void Invalid_skus_are_refused_with_a_field_error(string? value)
    {
        var result = Sku.Create(value, "items[3].sku");

        Assert.False(result.IsSuccess);
        Assert.Equal(CartErrors.InvalidSkuCode, result.Error.Code);
        Assert.Equal(["items[3].sku"], result.Error.FieldErrors.Keys);
    }

    [Fact]
    public void The_sku_pattern_published_in_the_contract_accepts_exactly_what_the_check_accepts()
    {
        var pattern = new System.Text.RegularExpressions.Regex(Sku.Pattern);
        var candidates = Enumerable.Range(0, 0x250).Select(c => new string((char)c, 1))
            .Concat(["", new string('a', Sku.MaxLength), new string('a', Sku.MaxLength + 1), "a\n", "A-1.b_2"]);

        // Whole-value matches only: .NET's $ also matches before a final newline, which JSON Schema's (ECMA-262) does not.
        Assert.All(candidates, value => Assert.Equal(pattern.Match(value) is { Success: true } m && m.Length == value.Length, Sku.IsValid(value)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" padded")]
    [InlineData("padded ")]
    [InlineData("control\u0001")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void Invalid_customer_ids_are_refused(string? value)
    {
        Assert.Equal(CartErrors.InvalidCustomerIdCode, CustomerId.Create(value).Error?.Code);
    }

    [Fact]
    public void A_customer_id_may_hold_any_printable_text_up_to_the_limit()
    {
        Assert.Equal("Zoë 42@shop", CustomerId.Create("Zoë 42@shop").Value.Value);
    }

    [Fact]
    public void A_cart_id_round_trips_through_its_text_form()
    {
        var id = new CartId(Guid.NewGuid());

        Assert.Equal(id, CartId.Parse(id.ToString()));
        Assert.False(CartId.TryParse(Guid.Empty.ToString(), out _));
        Assert.False(CartId.TryParse("not-a-guid", out _));
    }

    [Fact]
    public void Reading_the_value_of_a_failed_result_is_a_programming_error()
    {
        var result = Sku.Create("bad sku");

        Assert.Throws<InvalidOperationException>(() => result.Value);
    }
}
