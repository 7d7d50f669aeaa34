namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>
/// Tests that change process environment variables (which the AWS SDK reads) run in this collection: xunit runs it
/// alone, after the parallel collections, so no other test sees the changed environment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
