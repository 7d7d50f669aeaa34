using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using ShoppingCart.Infrastructure.Aws.EventBridge;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.OutboxForwarder.Tests.EventBridge;

/// <summary>The signed PutEvents client at the wire, against a local EventBridge.</summary>
public sealed partial class PutEventsClientTests : IDisposable
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private readonly EventBridgeStub _eventBridge = new();

    public void Dispose() => _eventBridge.Dispose();

    [Fact]
    public async Task A_call_is_aws_json_for_the_put_events_target_signed_with_sigv4_for_the_events_service()
    {
        var results = await Client().PutEventsAsync([Entry("CartCreated")], CancellationToken.None);

        Assert.Equal([null], results);
        var call = Assert.Single(_eventBridge.Received);
        Assert.Equal("AWSEvents.PutEvents", call.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", call.Headers["Content-Type"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(call.Body))), call.Headers["X-Amz-Content-SHA256"]);

        var authorization = AuthorizationPattern().Match(call.Headers["Authorization"]);
        Assert.True(authorization.Success, call.Headers["Authorization"]);
        Assert.Equal("AKIDEXAMPLE", authorization.Groups["key"].Value);
        Assert.Equal(call.Headers["X-Amz-Date"][..8], authorization.Groups["date"].Value);
        Assert.Equal("eu-west-1", authorization.Groups["region"].Value);
        Assert.Equal("events", authorization.Groups["service"].Value);
        var signedHeaders = authorization.Groups["headers"].Value;
        Assert.Contains("x-amz-target", signedHeaders.Split(';'));
        Assert.Contains("host", signedHeaders.Split(';'));

        var expected = SigV4Check.ExpectedSignature(SecretKey, "eu-west-1", "events", "POST", "/", call.Headers, signedHeaders, call.Body);
        Assert.Equal(expected, authorization.Groups["signature"].Value);
    }

    [Fact]
    public async Task Temporary_credentials_send_their_session_token_under_the_signature()
    {
        var credentials = new SessionAWSCredentials("ASIAEXAMPLE", SecretKey, "the-session-token");

        await Client(credentials).PutEventsAsync([Entry("CartCreated")], CancellationToken.None);

        var call = Assert.Single(_eventBridge.Received);
        Assert.Equal("the-session-token", call.Headers["X-Amz-Security-Token"]);
        Assert.Contains("x-amz-security-token", AuthorizationPattern().Match(call.Headers["Authorization"]).Groups["headers"].Value.Split(';'));
    }

    [Fact]
    public async Task Each_entry_gets_its_own_result_in_request_order()
    {
        _eventBridge.Entries = (entry, _) => entry.DetailType switch
        {
            "Throttled" => EntryAnswer.Throttled,
            "Malformed" => EntryAnswer.MalformedDetail,
            "Denied" => EntryAnswer.AccessDenied,
            _ => EntryAnswer.Accept,
        };

        var results = await Client().PutEventsAsync(
            [Entry("CartCreated"), Entry("Throttled"), Entry("Malformed"), Entry("Denied"), Entry("CartCheckedOut")], CancellationToken.None);

        Assert.Null(results[0]);
        Assert.Equal(("ThrottlingException", FailureDisposition.RetrySoon), (results[1]!.Code, results[1]!.Disposition));
        Assert.Equal(("MalformedDetail", FailureDisposition.DeadLetter), (results[2]!.Code, results[2]!.Disposition));
        Assert.Equal("Detail is malformed.", results[2]!.Message);
        Assert.Equal(("AccessDeniedException", FailureDisposition.ReportFailed), (results[3]!.Code, results[3]!.Disposition));
        Assert.Null(results[4]);
    }

    [Fact]
    public async Task A_whole_call_error_applies_to_every_entry_of_the_call()
    {
        _eventBridge.Calls = _ => new CallAnswer(400, """{"__type":"com.amazonaws.events#ThrottlingException","Message":"Rate exceeded"}""");

        var results = await Client().PutEventsAsync([Entry("CartCreated"), Entry("CartCheckedOut")], CancellationToken.None);

        Assert.All(results, result =>
        {
            Assert.Equal("ThrottlingException", result!.Code);
            Assert.Equal(FailureDisposition.RetrySoon, result.Disposition);
            Assert.Contains("Rate exceeded", result.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_server_error_without_a_json_body_is_retryable()
    {
        _eventBridge.Calls = _ => new CallAnswer(503, "<html>Service Unavailable</html>");

        var result = Assert.Single(await Client().PutEventsAsync([Entry("CartCreated")], CancellationToken.None));

        Assert.Equal(FailureDisposition.RetrySoon, result!.Disposition);
        Assert.Contains("503", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_does_not_account_for_every_entry_is_retryable_not_taken_as_success()
    {
        _eventBridge.Calls = _ => new CallAnswer(200, """{"FailedEntryCount":0,"Entries":[{"EventId":"only-one"}]}""");

        var results = await Client().PutEventsAsync([Entry("CartCreated"), Entry("CartCheckedOut")], CancellationToken.None);

        Assert.All(results, result => Assert.Equal((PutEventsErrors.MalformedResponse, FailureDisposition.RetrySoon), (result!.Code, result.Disposition)));
    }

    [Fact]
    public async Task A_call_that_times_out_is_retryable()
    {
        _eventBridge.Slowness = _ => TimeSpan.FromSeconds(30);

        var result = Assert.Single(await Client(timeout: TimeSpan.FromMilliseconds(200)).PutEventsAsync([Entry("CartCreated")], CancellationToken.None));

        Assert.Equal((PutEventsErrors.RequestTimeout, FailureDisposition.RetrySoon), (result!.Code, result.Disposition));
    }

    [Fact]
    public async Task A_refused_connection_is_retryable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = Assert.Single(await Client(endpoint: new Uri($"http://127.0.0.1:{closedPort}/")).PutEventsAsync([Entry("CartCreated")], CancellationToken.None));

        Assert.Equal((PutEventsErrors.NetworkError, FailureDisposition.RetrySoon), (result!.Code, result.Disposition));
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_mistaken_for_a_timeout()
    {
        _eventBridge.Slowness = _ => TimeSpan.FromSeconds(30);
        using var cancellation = new CancellationTokenSource();
        var call = Client().PutEventsAsync([Entry("CartCreated")], cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private PutEventsClient Client(AWSCredentials? credentials = null, TimeSpan? timeout = null, Uri? endpoint = null) =>
        new(new HttpClient(new SigV4SigningHandler(
            credentials ?? new BasicAWSCredentials("AKIDEXAMPLE", SecretKey),
            RegionEndpoint.EUWest1,
            "events",
            new SocketsHttpHandler { AllowAutoRedirect = false }))
        {
            BaseAddress = endpoint ?? _eventBridge.Url,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });

    private static PutEventsRequestEntry Entry(string detailType) => new()
    {
        Source = "shopping-cart",
        DetailType = detailType,
        Detail = $$$"""{"metadata":{"eventId":"{{{Guid.NewGuid()}}}","cartId":"c","cartVersion":1},"data":{}}""",
        EventBusName = "bus",
    };

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
