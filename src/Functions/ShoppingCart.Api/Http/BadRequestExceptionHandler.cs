using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ShoppingCart.Api.Http;

/// <summary>
/// Turns the framework's binding failures into problem documents. Minimal APIs are set to throw
/// <see cref="BadHttpRequestException"/> (see <see cref="Hosting.ApiServiceCollectionExtensions"/>) instead of answering with
/// an empty 400/415, so a client learns which value was wrong: malformed JSON, a wrong type, an unknown property, a
/// route or query value that does not parse, a body that is too large or not JSON. Other exceptions are not handled
/// here: a busy store is <see cref="StoreFaultExceptionHandler"/>'s, anything else is a server fault and stays a 500.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    private const string Body = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = ProblemFor(badRequest);
        httpContext.Response.StatusCode = problem.Status ?? badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails ProblemFor(BadHttpRequestException exception)
    {
        switch (exception.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return ApiProblems.BodyTooLarge(RequestBodyLimitMiddleware.MaxBodyBytes);
            case StatusCodes.Status415UnsupportedMediaType:
                return ApiProblems.UnsupportedMediaType();
            case not StatusCodes.Status400BadRequest:
                // Other refusals of the server itself, such as a body sent too slowly (408).
                return new ProblemDetails { Status = exception.StatusCode };
        }

        if (exception.InnerException is JsonException json)
        {
            return ApiProblems.InvalidBody(FieldOf(json.Path), MessageFor(json));
        }

        // The framework names the parameter only in its message, e.g. 'Failed to bind parameter "int? quantity" from "x".'
        // or 'Required parameter "CreateCartRequest request" was not provided from body.'; there is no structured form.
        var parameter = FrameworkParameterMessage().Match(exception.Message);
        if (!parameter.Success || parameter.Groups["source"].Value == Body)
        {
            return ApiProblems.InvalidBody(Body, "A JSON request body is required.");
        }

        return ApiProblems.InvalidParameter(parameter.Groups["name"].Value, "The value is missing or does not have the expected type.");
    }

    /// <summary>"$.items[0].quantity" → "items[0].quantity": the path as the client wrote it; the document itself is "body".</summary>
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? Body : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static string MessageFor(JsonException json) =>
        json.LineNumber is { } line && json.BytePositionInLine is { } position
            ? $"Not valid here (line {line + 1}, byte {position + 1}): malformed JSON, a value of the wrong type or out of range, or a property that is unknown or repeated."
            : "Not valid here: malformed JSON, a value of the wrong type or out of range, or a property that is unknown or repeated.";

    [GeneratedRegex("""^(?:Failed to bind parameter|Required parameter) "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: was not provided from (?<source>[a-z]+))?""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FrameworkParameterMessage();
}
