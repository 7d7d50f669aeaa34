using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// One PutEvents call over HTTP (AWS JSON 1.1). The HttpClient it is given signs every request with SigV4 (service
/// <c>events</c>) and carries the endpoint and timeout; each call builds a new request, so a retry is signed afresh.
/// Never throws for an AWS or transport failure: each entry gets its own result.
/// </summary>
public sealed class PutEventsClient(HttpClient httpClient)
{
    public const string Target = "AWSEvents.PutEvents";

    private static readonly MediaTypeHeaderValue AmzJson11 = new("application/x-amz-json-1.1");

    /// <returns>One result per entry, in order: null when the entry was accepted, else why not.</returns>
    public async Task<IReadOnlyList<PutEventsFailure?>> PutEventsAsync(IReadOnlyList<PutEventsRequestEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var body = JsonSerializer.SerializeToUtf8Bytes(new PutEventsRequest(entries), PutEventsJsonContext.Wire.PutEventsRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.Add("X-Amz-Target", Target);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = AmzJson11;

        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken);
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? ReadResults(content, entries.Count)
                : Fill(entries.Count, ReadError(response, content));
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return Fill(entries.Count, new PutEventsFailure(
                PutEventsErrors.RequestTimeout, $"No answer within {httpClient.Timeout.TotalSeconds:0.###} s: {exception.Message}", FailureDisposition.RetrySoon));
        }
        catch (HttpRequestException exception)
        {
            return Fill(entries.Count, new PutEventsFailure(PutEventsErrors.NetworkError, exception.Message, FailureDisposition.RetrySoon));
        }
    }

    private static PutEventsFailure?[] ReadResults(byte[] content, int count)
    {
        PutEventsResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(content, PutEventsJsonContext.Default.PutEventsResponse);
        }
        catch (JsonException exception)
        {
            return Fill(count, Unreadable($"The answer is not a PutEvents response: {exception.Message}"));
        }

        if (response?.Entries is not { } results || results.Count != count)
        {
            return Fill(count, Unreadable($"The answer holds {response?.Entries?.Count ?? 0} results for {count} entries."));
        }

        return [.. results.Select(result => result switch
        {
            { ErrorCode: { Length: > 0 } code } => PutEventsErrors.ForEntry(code, result.ErrorMessage),
            { EventId: { Length: > 0 } } => null,
            _ => Unreadable("A result has neither an event id nor an error code."),
        })];
    }

    private static PutEventsFailure ReadError(HttpResponseMessage response, byte[] content)
    {
        AwsJsonErrorResponse? error = null;
        try
        {
            error = JsonSerializer.Deserialize(content, PutEventsJsonContext.Default.AwsJsonErrorResponse);
        }
        catch (JsonException)
        {
            // Not every failure answers in JSON (a proxy, a load balancer): the status code alone decides then.
        }

        var code = error?.Code
            ?? (response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First().Split(':')[0] : null);
        return PutEventsErrors.ForRequest(response.StatusCode, code, error?.Message ?? response.ReasonPhrase);
    }

    // The call may have been accepted and only its answer lost: sending again can duplicate, never lose.
    private static PutEventsFailure Unreadable(string message) =>
        new(PutEventsErrors.MalformedResponse, message, FailureDisposition.RetrySoon);

    private static PutEventsFailure?[] Fill(int count, PutEventsFailure failure) => [.. Enumerable.Repeat(failure, count)];
}
