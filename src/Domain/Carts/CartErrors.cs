namespace ShoppingCart.Domain.Carts;

/// <summary>Every expected failure the cart can report, with stable codes.</summary>
public static class CartErrors
{
    public const string InvalidCustomerIdCode = "cart.invalid_customer_id";
    public const string InvalidSkuCode = "cart.invalid_sku";
    public const string InvalidQuantityCode = "cart.invalid_quantity";
    public const string InvalidItemCode = "cart.invalid_item";
    public const string NoItemsCode = "cart.no_items";
    public const string LineQuantityLimitCode = "cart.line_quantity_limit";
    public const string LineCountLimitCode = "cart.line_count_limit";
    public const string LineNotFoundCode = "cart.line_not_found";
    public const string InsufficientQuantityCode = "cart.insufficient_quantity";
    public const string CheckedOutCode = "cart.checked_out";
    public const string EmptyCode = "cart.empty";

    /// <summary>The rule for a requested quantity as a client reads it in a validation error.</summary>
    public static readonly string QuantityRule = $"quantity must be between 1 and {CartLimits.MaxRequestedQuantity}.";

    public static Error InvalidQuantity(string field) => Error.Validation(InvalidQuantityCode, field, QuantityRule);

    public const string NoItemsRule = "At least one item is required.";

    public static Error NoItems() => Error.Validation(NoItemsCode, "items", NoItemsRule);

    public static Error LineQuantityLimit(Sku sku) =>
        Error.Validation(LineQuantityLimitCode, "items", $"A cart line may hold at most {CartLimits.MaxLineQuantity} units; '{sku}' would exceed it.");

    public static Error LineCountLimit() =>
        Error.Validation(LineCountLimitCode, "items", $"A cart may hold at most {CartLimits.MaxLines} distinct skus.");

    public static Error LineNotFound(Sku sku) =>
        Error.NotFound(LineNotFoundCode, $"The cart has no line for sku '{sku}'.");

    public static Error InsufficientQuantity(Sku sku, int held, int requested) =>
        Error.RuleViolation(InsufficientQuantityCode, $"Cannot remove {requested} of '{sku}': the cart holds {held}.");

    public static Error CheckedOut() =>
        Error.RuleViolation(CheckedOutCode, "The cart is checked out and can no longer change.");

    public static Error Empty() =>
        Error.RuleViolation(EmptyCode, "An empty cart cannot be checked out.");
}
