using Amazon.DynamoDBv2.Model;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain.Carts;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Carts;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>A cart as an item of the carts table (layout in <see cref="DynamoDbSchema"/>), and back.</summary>
internal static class CartsTableItem
{
    public static Dictionary<string, AttributeValue> KeyOf(CartId id) => new() { [Schema.PartitionKey] = new AttributeValue { S = id.ToString() } };

    /// <summary>
    /// The key of the customer index at <paramref name="position"/>: the index keys plus the table key, as DynamoDB
    /// expects an <c>ExclusiveStartKey</c> of a global secondary index.
    /// </summary>
    public static Dictionary<string, AttributeValue> ByCustomerIndexKeyOf(CustomerId customer, CartListPosition position) => new()
    {
        [Schema.PartitionKey] = new AttributeValue { S = position.CartId.ToString() },
        [Schema.CustomerId] = new AttributeValue { S = customer.Value },
        [Schema.UpdatedAt] = AttributeValues.Timestamp(position.UpdatedAt),
    };

    public static Dictionary<string, AttributeValue> From(Cart cart) => new()
    {
        [Schema.PartitionKey] = new AttributeValue { S = cart.Id.ToString() },
        [Schema.CustomerId] = new AttributeValue { S = cart.CustomerId.Value },
        [Schema.Status] = new AttributeValue { S = cart.Status.ToString() },
        [Schema.Lines] = new AttributeValue { L = [.. cart.Lines.Select(LineOf)] },
        [Schema.Version] = AttributeValues.Number(cart.Version),
        [Schema.CreatedAt] = AttributeValues.Timestamp(cart.CreatedAt),
        [Schema.UpdatedAt] = AttributeValues.Timestamp(cart.UpdatedAt),
    };

    /// <summary>Rebuilds the cart; an item that does not match the layout is a <see cref="DynamoDbStoreException"/>, not a guess.</summary>
    public static Cart ToCart(Dictionary<string, AttributeValue> item, string tableName)
    {
        var reader = new ItemReader(item, tableName);
        var id = reader.String(Schema.PartitionKey);
        if (!CartId.TryParse(id, out var cartId))
        {
            throw reader.Unreadable(Schema.PartitionKey, $"'{id}' is not a cart id");
        }

        var status = reader.String(Schema.Status);
        if (!Enum.TryParse<CartStatus>(status, ignoreCase: false, out var cartStatus) || !Enum.IsDefined(cartStatus))
        {
            throw reader.Unreadable(Schema.Status, $"'{status}' is not a cart status");
        }

        return Cart.Rehydrate(
            cartId,
            CustomerId.FromTrusted(reader.String(Schema.CustomerId)),
            cartStatus,
            [.. reader.List(Schema.Lines).Select(line => LineFrom(line, reader))],
            reader.Long(Schema.Version),
            reader.Timestamp(Schema.CreatedAt),
            reader.Timestamp(Schema.UpdatedAt));
    }

    private static AttributeValue LineOf(CartLine line) => new()
    {
        M = new Dictionary<string, AttributeValue>
        {
            [Schema.LineSku] = new AttributeValue { S = line.Sku.Value },
            [Schema.LineQuantity] = AttributeValues.Number(line.Quantity),
        },
    };

    private static CartLine LineFrom(AttributeValue line, ItemReader item)
    {
        if (line.M is not { } map)
        {
            throw item.Unreadable(Schema.Lines, "a line is not a map");
        }

        var reader = item.Nested(map, Schema.Lines);
        return new CartLine(Sku.FromTrusted(reader.String(Schema.LineSku)), checked((int)reader.Long(Schema.LineQuantity)));
    }
}
