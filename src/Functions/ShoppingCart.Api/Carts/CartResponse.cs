using ShoppingCart.Api.Http;
using ShoppingCart.Application.Carts;

namespace ShoppingCart.Api.Carts;

/// <summary>
/// A cart as the API answers it: the JSON body, its version as the <c>ETag</c> (what a client sends back in
/// <c>If-Match</c>), and for a new cart its <c>Location</c>.
/// </summary>
public sealed class CartResponse : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<CartView>, IContentTypeHttpResult
{
    private readonly bool _created;

    private CartResponse(CartView cart, bool created)
    {
        Value = cart;
        _created = created;
    }

    public CartView Value { get; }

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => _created ? StatusCodes.Status201Created : StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public static CartResponse Ok(CartView cart) => new(cart, created: false);

    public static CartResponse Created(CartView cart) => new(cart, created: true);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode!.Value;
        response.Headers.ETag = IfMatchPrecondition.EntityTagOf(Value.Version);
        if (_created)
        {
            response.Headers.Location = $"{httpContext.Request.PathBase}/carts/{Value.CartId}";
        }

        return response.WriteAsJsonAsync(Value, ApiJsonContext.Default.CartView, ContentType, httpContext.RequestAborted);
    }
}
