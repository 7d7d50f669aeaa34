using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using ShoppingCart.Api.Hosting;
using ShoppingCart.Infrastructure;

namespace ShoppingCart.Api.Tests.Hosting;

public sealed class LambdaHostingTests
{
    [Fact]
    public void With_AWS_LWA_PORT_kestrel_listens_on_that_port_on_every_interface()
    {
        var builder = Builder("--AWS_LWA_PORT=9123");

        builder.UseLambdaWebAdapterWhenPresent();

        Assert.Equal("http://0.0.0.0:9123", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void On_lambda_without_AWS_LWA_PORT_kestrel_listens_on_the_adapters_default_port()
    {
        var builder = Builder("--AWS_LAMBDA_FUNCTION_NAME=shopping-cart-api");

        builder.UseLambdaWebAdapterWhenPresent();

        Assert.Equal("http://0.0.0.0:8080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void Outside_lambda_the_urls_setting_is_left_alone_and_the_embedded_family_stays_the_default()
    {
        var builder = Builder("--urls=http://localhost:5080");

        builder.UseLambdaWebAdapterWhenPresent();

        Assert.Equal("http://localhost:5080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
        Assert.Equal(InfrastructureFamily.Embedded, DependencyInjection.FamilyOf(builder.Configuration));
    }

    [Fact]
    public void On_lambda_the_aws_family_is_the_default()
    {
        var builder = Builder("--AWS_LAMBDA_FUNCTION_NAME=shopping-cart-api");

        builder.UseLambdaWebAdapterWhenPresent();

        Assert.Equal(InfrastructureFamily.Aws, DependencyInjection.FamilyOf(builder.Configuration));
    }

    [Fact]
    public void On_lambda_an_explicitly_configured_family_still_wins()
    {
        var builder = Builder("--AWS_LAMBDA_FUNCTION_NAME=shopping-cart-api", "--ShoppingCart:Infrastructure=Embedded");

        builder.UseLambdaWebAdapterWhenPresent();

        Assert.Equal(InfrastructureFamily.Embedded, DependencyInjection.FamilyOf(builder.Configuration));
    }

    [Fact]
    public void On_lambda_logs_are_json_lines_with_scopes_so_the_correlation_id_is_a_field()
    {
        var builder = Builder("--AWS_LAMBDA_FUNCTION_NAME=shopping-cart-api");

        builder.UseLambdaWebAdapterWhenPresent();

        using var services = builder.Services.BuildServiceProvider();
        Assert.Equal(ConsoleFormatterNames.Json, services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
        var json = services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.IncludeScopes);
        Assert.Equal("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", json.TimestampFormat);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("0")]
    [InlineData("70000")]
    public void An_AWS_LWA_PORT_that_is_not_a_port_stops_the_start_with_a_clear_message(string port)
    {
        var builder = Builder($"--AWS_LWA_PORT={port}");

        var error = Assert.Throws<InvalidOperationException>(() => builder.UseLambdaWebAdapterWhenPresent());

        Assert.Contains("AWS_LWA_PORT", error.Message, StringComparison.Ordinal);
    }

    private static WebApplicationBuilder Builder(params string[] args) =>
        WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Production" });
}
