using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wolverine.Runtime;
using Wolverine.RDBMS;

namespace ShoppingCart.Benchmarks.WolverinePeer;

/// <summary>Our service takes the customer from the bearer token; the peer has no identity, so the body may name one.</summary>
public sealed record CreateCartRequest(string? CustomerId, IReadOnlyList<CartLine> Items);

public sealed record AddItemsRequest(IReadOnlyList<CartLine> Items);

public sealed record CartResponse(string CartId, long Version, IReadOnlyList<CartLine> Lines);

/// <summary>
/// The cart commands as minimal API endpoints. Each one: BEGIN IMMEDIATE on the cart file, read and change the cart row
/// on its version, enlist Wolverine's message context in the transaction and publish the event (its envelope is
/// inserted in the same transaction), COMMIT, then flush so Wolverine hands the stored envelope to the local queue.
/// </summary>
public static class CartEndpoints
{
    private const string AnonymousCustomer = "anonymous";

    private const int MaxQuantityPerLine = 9_999;

    public static async Task<IResult> CreateAsync(CreateCartRequest request, CartDatabase carts, MessageContext bus)
    {
        if (Invalid(request.Items) is { } problem)
        {
            return problem;
        }

        var cartId = Guid.NewGuid().ToString("N");
        var lines = Merge([], request.Items);
        await using var connection = carts.Open();
        await using var transaction = connection.BeginTransaction();
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO carts (cart_id, customer_id, lines, version, updated_at) VALUES ($id, $customer, $lines, 1, $now);";
            insert.Parameters.AddWithValue("$id", cartId);
            insert.Parameters.AddWithValue("$customer", request.CustomerId ?? AnonymousCustomer);
            insert.Parameters.AddWithValue("$lines", JsonSerializer.Serialize(lines));
            insert.Parameters.AddWithValue("$now", Now());
            await insert.ExecuteNonQueryAsync();
        }

        await PublishAndCommitAsync(bus, transaction, new CartChanged(Guid.NewGuid(), "CartCreated", cartId, 1, DateTimeOffset.UtcNow, request.Items));
        return Results.Created($"/carts/{cartId}", new CartResponse(cartId, 1, lines));
    }

    public static async Task<IResult> AddItemsAsync(string cartId, AddItemsRequest request, CartDatabase carts, MessageContext bus)
    {
        if (Invalid(request.Items) is { } problem)
        {
            return problem;
        }

        await using var connection = carts.Open();
        await using var transaction = connection.BeginTransaction();
        List<CartLine> lines;
        long version;
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT lines, version FROM carts WHERE cart_id = $id;";
            select.Parameters.AddWithValue("$id", cartId);
            await using var reader = await select.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Cart not found.");
            }

            lines = JsonSerializer.Deserialize<List<CartLine>>(reader.GetString(0))!;
            version = reader.GetInt64(1);
        }

        lines = Merge(lines, request.Items);
        if (lines.Any(l => l.Quantity > MaxQuantityPerLine))
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: $"A line holds at most {MaxQuantityPerLine} units.");
        }

        await using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE carts SET lines = $lines, version = $version + 1, updated_at = $now WHERE cart_id = $id AND version = $version;";
            update.Parameters.AddWithValue("$id", cartId);
            update.Parameters.AddWithValue("$lines", JsonSerializer.Serialize(lines));
            update.Parameters.AddWithValue("$version", version);
            update.Parameters.AddWithValue("$now", Now());
            if (await update.ExecuteNonQueryAsync() != 1)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The cart changed meanwhile.");
            }
        }

        await PublishAndCommitAsync(bus, transaction, new CartChanged(Guid.NewGuid(), "ItemsAdded", cartId, version + 1, DateTimeOffset.UtcNow, request.Items));
        return Results.Ok(new CartResponse(cartId, version + 1, lines));
    }

    /// <summary>Wolverine's outbox on a raw ADO.NET transaction: enlist, publish, commit, flush.</summary>
    private static async Task PublishAndCommitAsync(MessageContext bus, SqliteTransaction transaction, CartChanged change)
    {
        await bus.EnlistInOutboxAsync(new DatabaseEnvelopeTransaction((IMessageDatabase)bus.Storage, transaction));
        await bus.PublishAsync(change);
        await transaction.CommitAsync();
        await bus.FlushOutgoingMessagesAsync();
    }

    private static IResult? Invalid(IReadOnlyList<CartLine>? items) =>
        items is null || items.Count == 0 || items.Any(i => string.IsNullOrWhiteSpace(i.Sku) || i.Quantity is < 1 or > MaxQuantityPerLine)
            ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Give at least one item, each with a sku and a quantity of 1 to {MaxQuantityPerLine}.")
            : null;

    private static List<CartLine> Merge(List<CartLine> lines, IReadOnlyList<CartLine> items)
    {
        foreach (var item in items)
        {
            var index = lines.FindIndex(l => l.Sku == item.Sku);
            if (index < 0)
            {
                lines.Add(item);
            }
            else
            {
                lines[index] = lines[index] with { Quantity = lines[index].Quantity + item.Quantity };
            }
        }

        return lines;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
