using System.Net.Http.Headers;
using Amazon.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShoppingCart.OutboxForwarder.Tests.Support;

/// <summary>
/// The forwarder app in memory, talking to the local EventBridge and SQS stubs, with fixed fake credentials (no real
/// credential lookup) and a clock on which retry backoffs pass instantly.
/// </summary>
internal sealed class ForwarderApp : WebApplicationFactory<Program>
{
    public const string EventBusName = "shopping-cart-events";
    public const string Region = "eu-west-1";
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ForwarderApp(EventBridgeStub eventBridge, SqsStub deadLetters, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["ShoppingCart:EventBridge:EventBusName"] = EventBusName,
            ["ShoppingCart:EventBridge:Region"] = Region,
            ["ShoppingCart:EventBridge:Endpoint"] = eventBridge.Url.AbsoluteUri,
            ["ShoppingCart:DeadLetterQueue:QueueUrl"] = deadLetters.QueueUrl.AbsoluteUri,
            ["ShoppingCart:DeadLetterQueue:Endpoint"] = deadLetters.Url.AbsoluteUri,
        };
        // A null value removes a default setting.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                _settings.Remove(key);
            }
            else
            {
                _settings[key] = value;
            }
        }

        _services = services;
    }

    public InstantDelayTimeProvider Time { get; } = new(CartStories.Now.AddHours(1));

    /// <summary>The credentials requests are signed with; null leaves the app's own (the SDK's default chain).</summary>
    public AWSCredentials? Credentials { get; init; } = new BasicAWSCredentials(AccessKey, SecretKey);

    /// <summary>POSTs a stream event to the pass-through path, as the Lambda Web Adapter does (with the Lambda context header when given).</summary>
    public async Task<HttpResponseMessage> PostEventAsync(string json, string path = "/events", string? lambdaContext = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (lambdaContext is not null)
        {
            request.Headers.Add("x-amzn-lambda-context", lambdaContext);
        }

        return await client.SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            if (Credentials is not null)
            {
                services.AddSingleton(Credentials);
            }

            services.AddSingleton<TimeProvider>(Time);
            _services?.Invoke(services);
        });
    }
}
