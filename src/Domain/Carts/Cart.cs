using ShoppingCart.Domain.Carts.Events;

namespace ShoppingCart.Domain.Carts;

/// <summary>
/// The cart aggregate. Every successful behaviour bumps <see cref="Version"/> by one and raises exactly one
/// event stamped with that version; a refused behaviour returns an <see cref="Error"/> and leaves the cart and its
/// events untouched. The version the store holds is kept apart (<see cref="PersistedVersion"/>), so nothing
/// downstream has to derive it from the number of events.
/// </summary>
public sealed class Cart
{
    private readonly List<CartLine> _lines;
    private readonly List<ICartEvent> _pendingEvents = [];

    private Cart(CartId id, CustomerId customerId, CartStatus status, List<CartLine> lines, long version, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        CustomerId = customerId;
        Status = status;
        _lines = lines;
        Version = version;
        PersistedVersion = version;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public CartId Id { get; }

    public CustomerId CustomerId { get; }

    public CartStatus Status { get; private set; }

    /// <summary>Lines in the order their skus were first added.</summary>
    public IReadOnlyList<CartLine> Lines => _lines;

    /// <summary>Starts at 1 on creation; the optimistic-concurrency token of the stores.</summary>
    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Events raised since the cart was created or loaded, oldest first.</summary>
    public IReadOnlyList<ICartEvent> PendingEvents => _pendingEvents;

    /// <summary>The version the store holds (as loaded or last saved): 0 for a cart that is not stored yet.</summary>
    public long PersistedVersion { get; private set; }

    public static Result<Cart> Create(CartId id, CustomerId customerId, IReadOnlyCollection<SkuQuantity> items, DateTimeOffset now)
    {
        var cart = new Cart(id, customerId, CartStatus.Open, [], 0, now, now);
        var merged = Merge(items, ListedItem);
        if (!merged.IsSuccess)
        {
            return merged.Error;
        }

        var additions = cart.PlanAdditions(merged.Value);
        if (!additions.IsSuccess)
        {
            return additions.Error;
        }

        cart.Apply(additions.Value);
        cart.Raise(new CartCreated(id, cart.Version + 1, now, customerId, [.. cart._lines]), now);
        return cart;
    }

    /// <summary>Rebuilds a stored cart; no events are raised.</summary>
    public static Cart Rehydrate(CartId id, CustomerId customerId, CartStatus status, IEnumerable<CartLine> lines, long version, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, customerId, status, [.. lines], version, createdAt, updatedAt);

    /// <summary>Adds units; a sku already in the cart has its quantity increased.</summary>
    public Result AddItems(IReadOnlyCollection<SkuQuantity> items, DateTimeOffset now)
    {
        var refusal = RefuseIfCheckedOut() ?? RefuseIfEmpty(items);
        if (refusal is not null)
        {
            return refusal;
        }

        var merged = Merge(items, ListedItem);
        if (!merged.IsSuccess)
        {
            return merged.Error;
        }

        var additions = PlanAdditions(merged.Value);
        if (!additions.IsSuccess)
        {
            return additions.Error;
        }

        var changes = Apply(additions.Value);
        Raise(new ItemsAddedToCart(Id, Version + 1, now, changes), now);
        return Result.Success();
    }

    /// <summary>Removes units; a line that reaches zero disappears. Removing more than the cart holds is refused.</summary>
    public Result RemoveItems(IReadOnlyCollection<SkuQuantity> items, DateTimeOffset now) => Remove(items, ListedItem, now);

    /// <summary>Removes some units of one sku, requested on their own rather than as a list: a bad quantity is <c>quantity</c>.</summary>
    public Result RemoveUnits(Sku sku, int quantity, DateTimeOffset now) => Remove([new SkuQuantity(sku, quantity)], _ => string.Empty, now);

    private Result Remove(IReadOnlyCollection<SkuQuantity> items, Func<int, string> itemPath, DateTimeOffset now)
    {
        var refusal = RefuseIfCheckedOut() ?? RefuseIfEmpty(items);
        if (refusal is not null)
        {
            return refusal;
        }

        var merged = Merge(items, itemPath);
        if (!merged.IsSuccess)
        {
            return merged.Error;
        }

        var newQuantities = new List<SkuQuantity>(merged.Value.Count);
        foreach (var (sku, quantity) in merged.Value)
        {
            var held = QuantityOf(sku);
            if (held == 0)
            {
                return CartErrors.LineNotFound(sku);
            }

            if (quantity > held)
            {
                return CartErrors.InsufficientQuantity(sku, held, quantity);
            }

            newQuantities.Add(new SkuQuantity(sku, held - quantity));
        }

        var changes = Apply(newQuantities);
        Raise(new ItemsRemovedFromCart(Id, Version + 1, now, changes), now);
        return Result.Success();
    }

    /// <summary>Removes a whole line, whatever its quantity.</summary>
    public Result RemoveLine(Sku sku, DateTimeOffset now)
    {
        if (RefuseIfCheckedOut() is { } refusal)
        {
            return refusal;
        }

        if (QuantityOf(sku) == 0)
        {
            return CartErrors.LineNotFound(sku);
        }

        var changes = Apply([new SkuQuantity(sku, 0)]);
        Raise(new ItemsRemovedFromCart(Id, Version + 1, now, changes), now);
        return Result.Success();
    }

    /// <summary>Checks out an open, non-empty cart; afterwards every change is refused.</summary>
    public Result CheckOut(DateTimeOffset now)
    {
        if (RefuseIfCheckedOut() is { } refusal)
        {
            return refusal;
        }

        if (_lines.Count == 0)
        {
            return CartErrors.Empty();
        }

        Status = CartStatus.CheckedOut;
        Raise(new CartCheckedOut(Id, Version + 1, now, CustomerId, [.. _lines]), now);
        return Result.Success();
    }

    /// <summary>Called once the cart and its pending events are committed: the store now holds this version.</summary>
    public void MarkPersisted()
    {
        PersistedVersion = Version;
        _pendingEvents.Clear();
    }

    public int QuantityOf(Sku sku) => _lines.Find(line => line.Sku == sku)?.Quantity ?? 0;

    private Error? RefuseIfCheckedOut() => Status == CartStatus.CheckedOut ? CartErrors.CheckedOut() : null;

    private static Error? RefuseIfEmpty(IReadOnlyCollection<SkuQuantity> items) => items.Count == 0 ? CartErrors.NoItems() : null;

    /// <summary>Where the request's item at an index sits in its body: a list entry, <c>items[2]</c>.</summary>
    private static string ListedItem(int index) => $"items[{index}]";

    private static string FieldOf(string itemPath, string field) => itemPath.Length == 0 ? field : $"{itemPath}.{field}";

    /// <summary>
    /// Checks requested quantities and sums repeated skus, keeping first-seen order. Skus need no second check: a
    /// <see cref="Sku"/> is valid once built, except the default one, which is refused as a missing sku.
    /// </summary>
    private static Result<IReadOnlyList<SkuQuantity>> Merge(IReadOnlyCollection<SkuQuantity> items, Func<int, string> itemPath)
    {
        var merged = new List<SkuQuantity>(items.Count);
        var index = 0;
        foreach (var item in items)
        {
            if (item.Sku.Value is null)
            {
                return Sku.Create(null, FieldOf(itemPath(index), "sku")).Error!;
            }

            if (item.Quantity is < 1 or > CartLimits.MaxRequestedQuantity)
            {
                return CartErrors.InvalidQuantity(FieldOf(itemPath(index), "quantity"));
            }

            var existing = merged.FindIndex(m => m.Sku == item.Sku);
            if (existing < 0)
            {
                merged.Add(item);
            }
            else
            {
                merged[existing] = item with { Quantity = merged[existing].Quantity + item.Quantity };
            }

            index++;
        }

        return merged;
    }

    /// <summary>Turns merged additions into the new line quantities, refusing anything over the cart limits.</summary>
    private Result<IReadOnlyList<SkuQuantity>> PlanAdditions(IReadOnlyList<SkuQuantity> additions)
    {
        var newLines = 0;
        var planned = new List<SkuQuantity>(additions.Count);
        foreach (var (sku, quantity) in additions)
        {
            var held = QuantityOf(sku);
            if (held == 0)
            {
                newLines++;
            }

            if (held + quantity > CartLimits.MaxLineQuantity)
            {
                return CartErrors.LineQuantityLimit(sku);
            }

            planned.Add(new SkuQuantity(sku, held + quantity));
        }

        return _lines.Count + newLines > CartLimits.MaxLines ? CartErrors.LineCountLimit() : planned;
    }

    /// <summary>Sets each sku's line to its new quantity (0 removes the line) and reports the changes.</summary>
    private List<CartLineChange> Apply(IReadOnlyList<SkuQuantity> newQuantities)
    {
        var changes = new List<CartLineChange>(newQuantities.Count);
        foreach (var (sku, quantity) in newQuantities)
        {
            var index = _lines.FindIndex(line => line.Sku == sku);
            var held = index < 0 ? 0 : _lines[index].Quantity;
            if (quantity == 0)
            {
                _lines.RemoveAt(index);
            }
            else if (index < 0)
            {
                _lines.Add(new CartLine(sku, quantity));
            }
            else
            {
                _lines[index] = new CartLine(sku, quantity);
            }

            changes.Add(new CartLineChange(sku, Math.Abs(quantity - held), quantity));
        }

        return changes;
    }

    private void Raise(ICartEvent cartEvent, DateTimeOffset now)
    {
        Version = cartEvent.CartVersion;
        UpdatedAt = now;
        _pendingEvents.Add(cartEvent);
    }
}
