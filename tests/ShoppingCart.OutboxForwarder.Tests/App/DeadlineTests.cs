using System.Globalization;
using System.Net;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.OutboxForwarder.Tests.App;

/// <summary>
/// The forwarder stops in time: the Lambda Web Adapter passes the Lambda context in <c>x-amzn-lambda-context</c>
/// (aws-lambda-web-adapter, "Request context"; the runtime's <c>deadline</c>, epoch milliseconds), and a call whose answer
/// could not arrive before it is not sent. The unsent records are reported from the first, so the stream retries them;
/// a timed-out invocation would instead retry the whole batch and count a function error.
/// </summary>
public sealed class DeadlineTests : AppTest
{
    [Fact]
    public async Task Nothing_is_sent_when_the_invocation_ends_before_a_call_could_be_answered()
    {
        var stream = new StreamEventBuilder().Insert(CartStories.ManyCarts(3));
        using var app = App();

        var forwarded = await Forwarded.ReadAsync(await app.PostEventAsync(stream.Build(), lambdaContext: ContextEndingIn(app, TimeSpan.FromSeconds(5))));

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Equal([stream.SequenceNumbers[0]], forwarded.FailedItems);
        Assert.Empty(EventBridge.Received);
        Assert.Empty(DeadLetters.Messages);
    }

    [Fact]
    public async Task Retries_stop_at_the_deadline_even_with_retry_budget_left()
    {
        EventBridge.Calls = _ => CallAnswer.InternalError;
        var stream = new StreamEventBuilder().Insert(CartStories.ManyCarts(2));
        using var app = App();

        // Room for the first call (10 s request timeout + 1 s to answer), not for a second one after any backoff.
        var forwarded = await Forwarded.ReadAsync(await app.PostEventAsync(stream.Build(), lambdaContext: ContextEndingIn(app, TimeSpan.FromSeconds(11.02))));

        Assert.Equal([stream.SequenceNumbers[0]], forwarded.FailedItems);
        Assert.Single(EventBridge.Received);
        Assert.Equal(0, app.Time.DelayCount);
    }

    [Fact]
    public async Task Without_a_readable_context_the_retry_budget_alone_bounds_the_publish()
    {
        EventBridge.Calls = number => number == 1 ? CallAnswer.InternalError : null;
        using var app = App();

        var forwarded = await Forwarded.ReadAsync(await app.PostEventAsync(new StreamEventBuilder().Insert(CartStories.ManyCarts(2)).Build(), lambdaContext: "not json"));

        Assert.Empty(forwarded.FailedItems);
        Assert.Equal(2, EventBridge.Received.Count);
    }

    private static string ContextEndingIn(ForwarderApp app, TimeSpan remaining) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"request_id":"req-1","deadline":{{(app.Time.GetUtcNow() + remaining).ToUnixTimeMilliseconds()}},"invoked_function_arn":"arn:aws:lambda:eu-west-1:123456789012:function:forwarder"}""");
}
