using ShoppingCart.Api.Http;
using ShoppingCart.Application.Carts;
using ShoppingCart.Domain;

namespace ShoppingCart.Api.Carts;

/// <summary>
/// Maps a use case's result to HTTP: the cart on success, otherwise an RFC 9457 problem whose status follows the
/// error's kind, with the error's stable code as the <c>code</c> extension and its field errors as <c>errors</c>.
/// </summary>
public static class ResultHttpMapping
{
    public static IResult ToHttpResult(this Result<CartView> result, Func<CartView, CartResponse> success)
    {
        ArgumentNullException.ThrowIfNull(success);
        return result.IsSuccess ? success(result.Value) : result.Error.ToProblem();
    }

    public static IResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { [ApiProblems.CodeExtension] = error.Code };
        var status = StatusOf(error.Kind);
        return error.FieldErrors.Count > 0 && status == StatusCodes.Status400BadRequest
            ? TypedResults.ValidationProblem(error.FieldErrors, detail: error.Message, extensions: extensions)
            : TypedResults.Problem(detail: error.Message, statusCode: status, extensions: extensions);
    }

    private static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.RuleViolation => StatusCodes.Status409Conflict,
        ErrorKind.StaleVersion => StatusCodes.Status412PreconditionFailed,
        ErrorKind.Contention => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown error kind."),
    };
}
