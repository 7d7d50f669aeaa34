using Amazon.CDK.AWS.DynamoDB;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// Turns the shared schema's plain strings (<see cref="ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema"/>) into CDK
/// values, refusing any it does not know rather than deploying something the adapter did not ask for.
/// </summary>
internal static class SchemaMapping
{
    public static AttributeType AttributeTypeOf(string keyType) => keyType switch
    {
        "S" => AttributeType.STRING,
        "N" => AttributeType.NUMBER,
        "B" => AttributeType.BINARY,
        _ => throw Unknown("key type", keyType),
    };

    public static BillingMode BillingModeOf(string billingMode) => billingMode switch
    {
        "PAY_PER_REQUEST" => BillingMode.PAY_PER_REQUEST,
        "PROVISIONED" => BillingMode.PROVISIONED,
        _ => throw Unknown("billing mode", billingMode),
    };

    public static StreamViewType StreamViewTypeOf(string streamViewType) => streamViewType switch
    {
        "NEW_IMAGE" => StreamViewType.NEW_IMAGE,
        "NEW_AND_OLD_IMAGES" => StreamViewType.NEW_AND_OLD_IMAGES,
        "OLD_IMAGE" => StreamViewType.OLD_IMAGE,
        "KEYS_ONLY" => StreamViewType.KEYS_ONLY,
        _ => throw Unknown("stream view type", streamViewType),
    };

    private static ArgumentOutOfRangeException Unknown(string what, string value) =>
        new(nameof(value), value, $"DynamoDbSchema names a {what} the CDK stack does not know.");
}
