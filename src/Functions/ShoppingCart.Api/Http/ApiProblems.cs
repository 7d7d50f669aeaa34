using Microsoft.AspNetCore.Mvc;

namespace ShoppingCart.Api.Http;

/// <summary>
/// The RFC 9457 problem documents the API produces itself, as opposed to those mapped from a use case's error: a
/// request refused before any use case runs, or a store too busy to take it. Every one carries a stable
/// machine-readable <c>code</c> extension, like the use cases' errors do.
/// </summary>
public static class ApiProblems
{
    /// <summary>The problem extension holding the stable error code.</summary>
    public const string CodeExtension = "code";

    public const string BodyTooLargeCode = "request.body_too_large";
    public const string UnsupportedMediaTypeCode = "request.unsupported_media_type";
    public const string InvalidBodyCode = "request.invalid_body";
    public const string InvalidParameterCode = "request.invalid_parameter";
    public const string InvalidIfMatchCode = "request.invalid_if_match";
    public const string NotFoundCode = "request.not_found";
    public const string MethodNotAllowedCode = "request.method_not_allowed";
    public const string StoreBusyCode = "service.store_busy";
    public const string StorageFullCode = "service.storage_full";
    public const string OutcomeUnknownCode = "service.outcome_unknown";

    public static ProblemDetails BodyTooLarge(long limitBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, BodyTooLargeCode, $"The request body may be at most {limitBytes} bytes.");

    public static ProblemDetails UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaTypeCode, "The request body must be JSON, sent with Content-Type: application/json.");

    public static ProblemDetails NotFound() =>
        Problem(StatusCodes.Status404NotFound, NotFoundCode, "Nothing exists at this URL; a cart id is a GUID as returned in Location.");

    public static ProblemDetails MethodNotAllowed() =>
        Problem(StatusCodes.Status405MethodNotAllowed, MethodNotAllowedCode, "This URL does not support the request's method; see /openapi/v1.json.");

    public static ProblemDetails StoreBusy() =>
        Problem(StatusCodes.Status503ServiceUnavailable, StoreBusyCode, "The cart store is busy and nothing was written; send the request again after Retry-After.");

    public static ProblemDetails StorageFull() =>
        Problem(StatusCodes.Status503ServiceUnavailable, StorageFullCode, "The cart store has no space left and nothing was written; send the request again once space is freed.");

    public static ProblemDetails OutcomeUnknown() =>
        Problem(StatusCodes.Status500InternalServerError, OutcomeUnknownCode, "The cart store did not confirm whether the change was applied; read the cart before retrying, or the change may be applied twice.");

    /// <param name="field">The camelCase JSON path of the offending value, e.g. <c>items[0].quantity</c>; <c>body</c> for the document itself.</param>
    public static HttpValidationProblemDetails InvalidBody(string field, string message) =>
        Validation(InvalidBodyCode, field, message);

    public static HttpValidationProblemDetails InvalidParameter(string parameter, string message) =>
        Validation(InvalidParameterCode, parameter, message);

    public static HttpValidationProblemDetails InvalidIfMatch() =>
        Validation(InvalidIfMatchCode, IfMatchPrecondition.HeaderName, "If-Match must be one entity tag as sent in ETag, such as \"3\", or *.");

    private static ProblemDetails Problem(int status, string code, string detail) => new()
    {
        Status = status,
        Detail = detail,
        Extensions = { [CodeExtension] = code },
    };

    private static HttpValidationProblemDetails Validation(string code, string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "The request is invalid; see the field errors.",
            Extensions = { [CodeExtension] = code },
        };
}
