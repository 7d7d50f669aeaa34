namespace ShoppingCart.Deploy.Tests;

/// <summary>Every test that touches the CDK: they share one jsii runtime, one scratch folder and one default synthesis.</summary>
[CollectionDefinition(Name)]
public sealed class CdkCollection : ICollectionFixture<SynthesisFixture>
{
    public const string Name = "CDK";
}
