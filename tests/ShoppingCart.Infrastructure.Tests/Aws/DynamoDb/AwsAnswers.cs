namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>DynamoDB's answers as its API reference documents them (JSON 1.0 protocol, errors as <c>__type</c> + message).</summary>
internal static class AwsAnswers
{
    public const string EmptySuccess = "{}";

    public static string TransactionCanceled(params string[] codes)
    {
        var reasons = string.Join(",", codes.Select(code => code == "None"
            ? """{"Code":"None"}"""
            : $$"""{"Code":"{{code}}","Message":"{{MessageFor(code)}}"}"""));
        return $$"""
            {"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [{{string.Join(", ", codes)}}]","CancellationReasons":[{{reasons}}]}
            """;
    }

    public const string ProvisionedThroughputExceeded =
        """{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."}""";

    public const string Throttling =
        """{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Throughput exceeds the current capacity of your table or index."}""";

    public const string RequestLimitExceeded =
        """{"__type":"com.amazonaws.dynamodb.v20120810#RequestLimitExceeded","message":"Throughput exceeds the current throughput limit for your account."}""";

    public const string Validation =
        """{"__type":"com.amazon.coral.validate#ValidationException","message":"One or more parameter values were invalid: Missing the key cartId in the item"}""";

    public const string ResourceNotFound =
        """{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}""";

    public const string IdempotentParameterMismatch =
        """{"__type":"com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException","Message":"The request uses the same client token as a previous, but non-identical request."}""";

    public const string InternalServerError =
        """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}""";

    private static string MessageFor(string code) => code switch
    {
        "ConditionalCheckFailed" => "The conditional request failed",
        "TransactionConflict" => "Transaction is ongoing for the item",
        "ProvisionedThroughputExceeded" => "The level of configured provisioned throughput for the table was exceeded.",
        "ThrottlingError" => "Throughput exceeds the current capacity of your table or index.",
        "ValidationError" => "One or more parameter values were invalid.",
        _ => code,
    };
}
