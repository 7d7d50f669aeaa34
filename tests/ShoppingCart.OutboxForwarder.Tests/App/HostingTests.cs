using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Aws.EventBridge;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.OutboxForwarder.Tests.App;

/// <summary>How the app is hosted: the adapter's paths and port, its settings, its credentials and how it fails.</summary>
public sealed class HostingTests : AppTest
{
    [Fact]
    public async Task The_health_check_answers_without_any_credentials_being_looked_up()
    {
        using var app = new ForwarderApp(EventBridge, DeadLetters) { Credentials = null };
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<DefaultChainCredentials>(app.Services.GetRequiredService<AWSCredentials>());
    }

    [Fact]
    public async Task Calls_through_the_app_are_signed_for_the_events_service_in_the_configured_region()
    {
        await ForwardAsync(new StreamEventBuilder().Insert(CartStories.Created(1)).Build());

        var authorization = Assert.Single(EventBridge.Received).Headers["Authorization"];
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={ForwarderApp.AccessKey}/", authorization, StringComparison.Ordinal);
        Assert.Contains($"/{ForwarderApp.Region}/events/aws4_request, SignedHeaders=", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_attempt_including_retries_carries_a_valid_signature()
    {
        EventBridge.Calls = number => number == 1 ? CallAnswer.InternalError : null;

        await ForwardAsync(new StreamEventBuilder().Insert(CartStories.Created(1)).Build());

        Assert.Equal(2, EventBridge.Received.Count);
        Assert.All(EventBridge.Received, call =>
        {
            var authorization = call.Headers["Authorization"];
            var signedHeaders = authorization.Split("SignedHeaders=")[1].Split(',')[0];
            var expected = SigV4Check.ExpectedSignature(ForwarderApp.SecretKey, ForwarderApp.Region, "events", "POST", "/", call.Headers, signedHeaders, call.Body);
            Assert.EndsWith($"Signature={expected}", authorization, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Region_and_endpoints_fall_back_to_the_aws_environment_variables()
    {
        var records = CartStories.ManyCarts(2);
        EventBridge.Entries = (entry, _) => entry.EventId == records[1].EventId ? EntryAnswer.MalformedDetail : EntryAnswer.Accept;

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(records).Build(), new Dictionary<string, string?>
        {
            ["ShoppingCart:EventBridge:Region"] = null,
            ["ShoppingCart:EventBridge:Endpoint"] = null,
            ["ShoppingCart:DeadLetterQueue:Endpoint"] = null,
            ["AWS_REGION"] = "us-west-2",
            ["AWS_ENDPOINT_URL_EVENTBRIDGE"] = EventBridge.Url.AbsoluteUri,
            ["AWS_ENDPOINT_URL_SQS"] = DeadLetters.Url.AbsoluteUri,
        });

        Assert.Empty(forwarded.FailedItems);
        Assert.Contains("/us-west-2/events/aws4_request", Assert.Single(EventBridge.Received).Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/us-west-2/sqs/aws4_request", Assert.Single(DeadLetters.Messages).Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_general_aws_endpoint_variable_serves_when_no_eventbridge_one_is_set()
    {
        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(CartStories.Created(1)).Build(), new Dictionary<string, string?>
        {
            ["ShoppingCart:EventBridge:Endpoint"] = null,
            ["AWS_ENDPOINT_URL"] = EventBridge.Url.AbsoluteUri,
        });

        Assert.Empty(forwarded.FailedItems);
        Assert.Single(EventBridge.Published);
    }

    [Fact]
    public async Task The_pass_through_path_follows_the_adapter_setting()
    {
        using var app = App(new Dictionary<string, string?> { ["AWS_LWA_PASS_THROUGH_PATH"] = "/stream-batches" });
        var streamEvent = new StreamEventBuilder().Insert(CartStories.Created(1)).Build();

        var forwarded = await Forwarded.ReadAsync(await app.PostEventAsync(streamEvent, "/stream-batches"));
        var elsewhere = await Forwarded.ReadAsync(await app.PostEventAsync(streamEvent, "/events"));

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Single(EventBridge.Published);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.Status);
    }

    [Fact]
    public async Task A_body_that_is_not_a_stream_event_fails_the_invocation_with_a_problem_not_an_empty_success()
    {
        using var app = App();

        var forwarded = await Forwarded.ReadAsync(await app.PostEventAsync("""{"hello":"world"}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, forwarded.Status);
        Assert.Equal("application/problem+json", forwarded.ContentType);
        Assert.Contains("Records", JsonNode.Parse(forwarded.Body)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_while_forwarding_answers_500_with_a_problem_body()
    {
        using var app = App(services: services => services.AddScoped<IEventPublisher, CrashingPublisher>());

        var forwarded = await Forwarded.ReadAsync(await app.PostEventAsync(new StreamEventBuilder().Insert(CartStories.Created(1)).Build()));

        Assert.Equal(HttpStatusCode.InternalServerError, forwarded.Status);
        Assert.StartsWith("application/problem+json", forwarded.ContentType, StringComparison.Ordinal);
        Assert.Equal(500, JsonNode.Parse(forwarded.Body)!["status"]!.GetValue<int>());
        Assert.DoesNotContain("batchItemFailures", forwarded.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ShoppingCart:EventBridge:EventBusName", "EventBusName")]
    [InlineData("ShoppingCart:DeadLetterQueue:QueueUrl", "QueueUrl")]
    public void The_app_refuses_to_start_without_a_required_setting(string setting, string named)
    {
        using var app = App(new Dictionary<string, string?> { [setting] = null });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(named, failure.ToString(), StringComparison.Ordinal);
    }

    // EventBridge API reference, PutEventsRequestEntry: Source 1-256 characters, "aws." reserved; a bus name or event-bus ARN.
    // A value EventBridge refuses would fail every entry of every batch: the app refuses to start instead.
    [Theory]
    [InlineData("ShoppingCart:EventBridge:Source", "aws.shopping-cart", "aws.")]
    [InlineData("ShoppingCart:EventBridge:Source", "shopping cart", "A-Z")]
    [InlineData("ShoppingCart:EventBridge:EventBusName", "default", "custom bus")]
    [InlineData("ShoppingCart:EventBridge:EventBusName", "arn:aws:sqs:eu-west-1:123456789012:queue", "event bus")]
    public void The_start_up_check_refuses_a_source_or_bus_eventbridge_would_refuse(string setting, string value, string rule)
    {
        // The check ValidateOnStart runs (the test above shows it stops the app): here its verdict on each value.
        var options = new EventBridgeOptions { EventBusName = "shopping-cart", Region = "eu-west-1" };
        if (setting.EndsWith("Source", StringComparison.Ordinal))
        {
            options.Source = value;
        }
        else
        {
            options.EventBusName = value;
        }

        var result = new EventBridgeOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(rule, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_event_type_is_a_detail_type_eventbridge_accepts()
    {
        string[] types = ["CartCreated", "ItemsAddedToCart", "ItemsRemovedFromCart", "CartCheckedOut"];

        Assert.All(types, type => Assert.Null(EventBridgeNames.DetailTypeProblem(type)));
        Assert.NotNull(EventBridgeNames.DetailTypeProblem(new string('x', 129)));
    }

    [Theory]
    [InlineData("9001", null, "http://127.0.0.1:9001")]
    [InlineData(null, "127.0.0.1:9001", "http://127.0.0.1:8080")]
    [InlineData(null, null, null)]
    public void Kestrel_listens_where_the_lambda_web_adapter_expects(string? adapterPort, string? lambdaRuntimeApi, string? expectedUrls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["AWS_LWA_PORT"] = adapterPort;
        builder.Configuration["AWS_LAMBDA_RUNTIME_API"] = lambdaRuntimeApi;
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, null);

        builder.ListenWhereTheAdapterExpects();

        Assert.Equal(expectedUrls, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void A_port_that_is_not_a_port_is_refused_at_startup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["AWS_LWA_PORT"] = "eighty";

        Assert.Throws<InvalidOperationException>(builder.ListenWhereTheAdapterExpects);
    }

    private sealed class CrashingPublisher : IEventPublisher
    {
        public Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The publisher broke in a way nobody planned for.");
    }
}
