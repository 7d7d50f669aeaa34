namespace ShoppingCart.Infrastructure;

/// <summary>Which family of adapters serves the application's ports.</summary>
public enum InfrastructureFamily
{
    /// <summary>SQLite store + outbox, the outbox relay and the local event bus: one machine, no AWS account.</summary>
    Embedded,

    /// <summary>DynamoDB store + outbox, EventBridge publisher, SQS dead-letter queue.</summary>
    Aws,
}
