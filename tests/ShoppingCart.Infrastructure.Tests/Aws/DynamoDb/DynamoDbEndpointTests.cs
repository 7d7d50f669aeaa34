using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>
/// Which endpoint the client that <c>AddDynamoDbCartStore</c> builds talks to: the configured ServiceUrl, else the
/// standard <c>AWS_ENDPOINT_URL_DYNAMODB</c> / <c>AWS_ENDPOINT_URL</c> variables (read by the SDK itself).
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DynamoDbEndpointTests : IDisposable
{
    private readonly DynamoDbWireStub _configured = new();
    private readonly DynamoDbWireStub _fromEnvironment = new();

    public DynamoDbEndpointTests()
    {
        _configured.Answer("GetItem", 200, AwsAnswers.EmptySuccess);
        _fromEnvironment.Answer("GetItem", 200, AwsAnswers.EmptySuccess);
    }

    [Fact]
    public async Task A_configured_service_url_wins_over_the_environment()
    {
        using var environment = EnvironmentVariables.ForSdk(dynamoDbEndpoint: _fromEnvironment.Url.ToString(), genericEndpoint: _fromEnvironment.Url.ToString());
        using var provider = DynamoDbConfigurationTests.Services(new()
        {
            ["ShoppingCart:DynamoDb:CartsTable"] = "prod-carts",
            ["ShoppingCart:DynamoDb:Region"] = "eu-central-1",
            ["ShoppingCart:DynamoDb:ServiceUrl"] = _configured.Url.ToString(),
        });

        await provider.GetRequiredService<ICartStore>().LoadAsync(SampleCarts.Id, CancellationToken.None);

        Assert.Equal("prod-carts", Assert.Single(_configured.Requests("GetItem"))["TableName"]!.GetValue<string>());
        Assert.Empty(_fromEnvironment.Operations);
    }

    [Fact]
    public async Task Without_a_service_url_the_dynamodb_endpoint_variable_is_honoured()
    {
        using var environment = EnvironmentVariables.ForSdk(dynamoDbEndpoint: _fromEnvironment.Url.ToString(), genericEndpoint: _configured.Url.ToString());
        using var provider = DynamoDbConfigurationTests.Services(new() { ["ShoppingCart:DynamoDb:Region"] = "eu-central-1" });

        await provider.GetRequiredService<ICartStore>().LoadAsync(SampleCarts.Id, CancellationToken.None);

        Assert.Single(_fromEnvironment.Requests("GetItem"));
        Assert.Empty(_configured.Operations);
    }

    [Fact]
    public async Task Without_a_service_url_or_a_dynamodb_variable_the_generic_endpoint_variable_is_honoured()
    {
        using var environment = EnvironmentVariables.ForSdk(genericEndpoint: _fromEnvironment.Url.ToString());
        using var provider = DynamoDbConfigurationTests.Services(new() { ["ShoppingCart:DynamoDb:Region"] = "eu-central-1" });

        await provider.GetRequiredService<ICartStore>().LoadAsync(SampleCarts.Id, CancellationToken.None);

        Assert.Single(_fromEnvironment.Requests("GetItem"));
    }

    public void Dispose()
    {
        _configured.Dispose();
        _fromEnvironment.Dispose();
    }
}
