using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded.Relay;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// The embedded cart store: the cart row and its outbox rows are written in one SQLite transaction, only if the stored
/// version is still the one the cart was loaded at; saves that arrive together share that transaction and its fsync
/// (<see cref="GroupCommit"/>). After each commit the relay is woken.
/// </summary>
public sealed class SqliteCartStore(SqliteDatabase database, OutboxSignal signal, TimeProvider clock, IOptions<EmbeddedOptions> options) : ICartStore
{
    private readonly GroupCommit _groupCommit = new(database, clock, options.Value.OutboxRetention);

    /// <summary>SQLite transactions (and fsyncs) the saves took so far: fewer than the saves when they were grouped.</summary>
    public long CommittedGroups => _groupCommit.CommittedGroups;

    public async Task<Cart?> LoadAsync(CartId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {CartColumns} FROM carts WHERE cart_id = $id;";
        command.Parameters.AddWithValue("$id", id.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? CartFrom(reader) : null;
    }

    /// <summary>A range of the <c>carts_by_customer</c> index (migration 3), read newest first.</summary>
    public async Task<IReadOnlyList<Cart>> ListByCustomerAsync(CustomerId customer, CartListPosition? after, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {CartColumns} FROM carts
            WHERE customer_id = $customer AND ($afterUpdated IS NULL OR (updated_at, cart_id) < ($afterUpdated, $afterId))
            ORDER BY updated_at DESC, cart_id DESC
            LIMIT $count;
            """;
        command.Parameters.AddWithValue("$customer", customer.Value);
        command.Parameters.AddWithValue("$afterUpdated", after is { } position ? Timestamps.Format(position.UpdatedAt) : DBNull.Value);
        command.Parameters.AddWithValue("$afterId", after is { } from ? from.CartId.ToString() : DBNull.Value);
        command.Parameters.AddWithValue("$count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var carts = new List<Cart>();
        while (await reader.ReadAsync(cancellationToken))
        {
            carts.Add(CartFrom(reader));
        }

        return carts;
    }

    public async Task<SaveOutcome> SaveAsync(Cart cart, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(outbox);
        SaveOutcome outcome;
        try
        {
            outcome = await _groupCommit.SaveAsync(new PendingSave(cart, outbox), cancellationToken);
        }
        catch (Exception exception) when (SqliteFaults.ForSave(exception, cart.Id.ToString()) is { } answer)
        {
            throw answer;
        }

        if (outcome == SaveOutcome.Saved)
        {
            signal.Pulse();
        }

        return outcome;
    }

    private const string CartColumns = "cart_id, customer_id, status, lines, version, created_at, updated_at";

    private static Cart CartFrom(SqliteDataReader reader)
    {
        var lines = JsonSerializer.Deserialize(reader.GetString(3), SqliteJsonContext.Default.ListStoredCartLine) ?? [];
        return Cart.Rehydrate(
            CartId.Parse(reader.GetString(0)),
            CustomerId.FromTrusted(reader.GetString(1)),
            Enum.Parse<CartStatus>(reader.GetString(2)),
            lines.Select(l => new CartLine(Sku.FromTrusted(l.Sku), l.Quantity)),
            reader.GetInt64(4),
            Timestamps.Parse(reader.GetString(5)),
            Timestamps.Parse(reader.GetString(6)));
    }
}
