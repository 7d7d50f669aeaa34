namespace ShoppingCart.Application.IntegrationEvents;

/// <summary>The published JSON: <c>{"metadata": {...}, "data": {...}}</c>. It is the EventBridge <c>detail</c>.</summary>
public sealed record IntegrationEvent<TData>(IntegrationEventMetadata Metadata, TData Data);
