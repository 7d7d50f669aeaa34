namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>An app could not be published in the requested mode; the message says why.</summary>
internal sealed class PublishFailedException(string message) : Exception(message);
