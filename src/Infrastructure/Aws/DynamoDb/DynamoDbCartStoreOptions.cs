namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>Where the DynamoDB cart store writes; bound from <see cref="SectionName"/>.</summary>
public sealed class DynamoDbCartStoreOptions
{
    public const string SectionName = "ShoppingCart:DynamoDb";

    /// <summary>The carts table (the CDK stack passes the deployed name).</summary>
    public string CartsTable { get; set; } = DynamoDbSchema.Carts.DefaultTableName;

    /// <summary>The outbox table (the CDK stack passes the deployed name).</summary>
    public string OutboxTable { get; set; } = DynamoDbSchema.Outbox.DefaultTableName;

    /// <summary>The AWS region, e.g. <c>eu-west-1</c>. Optional: without it the SDK's own lookup applies (<c>AWS_REGION</c> on Lambda).</summary>
    public string? Region { get; set; }

    /// <summary>
    /// An explicit endpoint (a local stub, a VPC endpoint). Optional: without it the SDK honours
    /// <c>AWS_ENDPOINT_URL_DYNAMODB</c>, then <c>AWS_ENDPOINT_URL</c>, then the regional endpoint.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>How long an outbox item is kept (its TTL); must exceed the stream's 24 h retention.</summary>
    public TimeSpan OutboxRetention { get; set; } = DynamoDbSchema.Outbox.DefaultRetention;
}
