using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>Options from <c>ShoppingCart:DynamoDb</c>, refused at start when wrong.</summary>
public sealed class DynamoDbConfigurationTests
{
    [Fact]
    public void Without_a_section_the_defaults_are_the_schema_table_names_and_seven_days_of_outbox()
    {
        using var provider = Services([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<DynamoDbCartStoreOptions>>().Value;

        Assert.Equal(DynamoDbSchema.Carts.DefaultTableName, options.CartsTable);
        Assert.Equal(DynamoDbSchema.Outbox.DefaultTableName, options.OutboxTable);
        Assert.Equal(TimeSpan.FromDays(7), options.OutboxRetention);
        Assert.Null(options.Region);
        Assert.Null(options.ServiceUrl);
    }

    [Fact]
    public void The_section_sets_tables_region_endpoint_and_retention()
    {
        using var provider = Services(new()
        {
            ["ShoppingCart:DynamoDb:CartsTable"] = "prod-carts",
            ["ShoppingCart:DynamoDb:OutboxTable"] = "prod-outbox",
            ["ShoppingCart:DynamoDb:Region"] = "eu-central-1",
            ["ShoppingCart:DynamoDb:ServiceUrl"] = "http://127.0.0.1:4566",
            ["ShoppingCart:DynamoDb:OutboxRetention"] = "10.00:00:00",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<DynamoDbCartStoreOptions>>().Value;

        Assert.Equal("prod-carts", options.CartsTable);
        Assert.Equal("prod-outbox", options.OutboxTable);
        Assert.Equal("eu-central-1", options.Region);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), options.ServiceUrl);
        Assert.Equal(TimeSpan.FromDays(10), options.OutboxRetention);
    }

    [Fact]
    public void Invalid_options_fail_at_start_naming_every_problem()
    {
        using var provider = Services(new()
        {
            ["ShoppingCart:DynamoDb:CartsTable"] = "c!",
            ["ShoppingCart:DynamoDb:OutboxRetention"] = "12:00:00",
            ["ShoppingCart:DynamoDb:ServiceUrl"] = "ftp://127.0.0.1/",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Collection(
            failure.Failures,
            f => Assert.StartsWith("ShoppingCart:DynamoDb:CartsTable must be a DynamoDB table name", f, StringComparison.Ordinal),
            f => Assert.StartsWith("ShoppingCart:DynamoDb:OutboxRetention is 12:00:00 but must exceed the stream's retention of 1.00:00:00", f, StringComparison.Ordinal),
            f => Assert.StartsWith("ShoppingCart:DynamoDb:ServiceUrl must be an absolute http or https URL", f, StringComparison.Ordinal),
            f => Assert.StartsWith("ShoppingCart:DynamoDb:Region is required with ShoppingCart:DynamoDb:ServiceUrl", f, StringComparison.Ordinal));
    }

    [Fact]
    public void The_two_tables_must_differ()
    {
        var result = new DynamoDbCartStoreOptionsValidator().Validate(null, new DynamoDbCartStoreOptions { CartsTable = "same", OutboxTable = "same" });

        Assert.True(result.Failed);
        Assert.Contains("must name different tables", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_service_url_is_the_client_endpoint_signed_for_the_configured_region()
    {
        var config = DynamoDbClientConfigFactory.Create(new DynamoDbCartStoreOptions { Region = "eu-central-1", ServiceUrl = new Uri("http://127.0.0.1:4566") });

        Assert.Equal("http://127.0.0.1:4566/", config.ServiceURL);
        Assert.Equal("eu-central-1", config.AuthenticationRegion);
    }

    [Fact]
    public void Without_a_service_url_the_region_picks_the_endpoint()
    {
        var config = DynamoDbClientConfigFactory.Create(new DynamoDbCartStoreOptions { Region = "eu-central-1" });

        Assert.Equal(Amazon.RegionEndpoint.EUCentral1, config.RegionEndpoint);
        Assert.Null(config.ServiceURL);
    }

    [Fact]
    public void Every_attempt_and_the_sdk_retries_are_bounded_so_a_slow_store_is_answered_by_the_api_not_by_a_timeout()
    {
        var config = DynamoDbClientConfigFactory.Create(new DynamoDbCartStoreOptions { Region = "eu-west-1" });

        Assert.Equal(DynamoDbTimeouts.Attempt, config.Timeout);
        Assert.Equal(DynamoDbTimeouts.SdkRetries, config.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(1), DynamoDbTimeouts.Attempt);
        Assert.Equal(TimeSpan.FromSeconds(25), DynamoDbTimeouts.Command);
    }

    [Fact]
    public void The_operators_scans_keep_the_sdks_own_timeouts_since_no_api_gateway_waits_on_them()
    {
        var options = new DynamoDbCartStoreOptions { Region = "eu-west-1" };

        var config = DynamoDbClientConfigFactory.ForOperations(options);

        Assert.NotEqual(DynamoDbTimeouts.Attempt, config.Timeout);
        Assert.Equal(new AmazonDynamoDBConfig().MaxErrorRetry, config.MaxErrorRetry);
        Assert.Equal(DynamoDbClientConfigFactory.Create(options).RegionEndpoint, config.RegionEndpoint);
    }

    [Fact]
    public async Task A_client_registered_before_is_the_one_the_store_uses()
    {
        using var stub = new DynamoDbWireStub();
        stub.Answer("GetItem", 200, AwsAnswers.EmptySuccess);
        var services = new ServiceCollection().AddSingleton<IAmazonDynamoDB>(stub.Client());
        using var provider = Services(new() { ["ShoppingCart:DynamoDb:CartsTable"] = "prod-carts" }, services);

        var store = provider.GetRequiredService<ICartStore>();
        await store.LoadAsync(SampleCarts.Id, CancellationToken.None);

        Assert.IsType<DynamoDbCartStore>(store);
        Assert.Equal("prod-carts", Assert.Single(stub.Requests("GetItem"))["TableName"]!.GetValue<string>());
    }

    internal static ServiceProvider Services(Dictionary<string, string?> settings, IServiceCollection? services = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return (services ?? new ServiceCollection()).AddDynamoDbCartStore(configuration).BuildServiceProvider();
    }
}
