using Mediator;
using Microsoft.AspNetCore.Mvc;
using ShoppingCart.Api.Http;
using ShoppingCart.Api.Identity;
using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.CheckoutCart;
using ShoppingCart.Application.Carts.GetCart;
using ShoppingCart.Application.Carts.ListCarts;
using ShoppingCart.Application.Carts.RemoveItems;
using ShoppingCart.Domain;

namespace ShoppingCart.Api.Carts;

/// <summary>
/// The cart resource. Each endpoint binds the request, sends one use case through the mediator and maps the result;
/// the statuses declared here are the ones the endpoint can really answer (the OpenAPI document is built from them;
/// 503 is a store too busy to take the request, see <see cref="StoreFaultExceptionHandler"/>).
/// A cart id that is not a GUID matches no route, so it is a 404 like any unknown cart. Every route requires a
/// verified caller (401 otherwise, see <see cref="CallerTokenEvents"/>), and a cart of another customer is a 404 too.
/// </summary>
public static class CartEndpoints
{
    /// <summary>A retried <c>POST /carts</c> with the same key (and customer) answers the cart the first one created.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapCartEndpoints(this IEndpointRouteBuilder routes)
    {
        var carts = routes.MapGroup("/carts")
            .WithTags("Carts")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        carts.MapGet(string.Empty, ListCartsAsync)
            .WithName("ListCarts")
            .WithSummary("Lists the caller's carts, most recently updated first, a page at a time (nextCursor leads to the next page).")
            .Produces<CartPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        carts.MapPost(string.Empty, CreateCartAsync)
            .WithName("CreateCart")
            .WithSummary("Creates a cart for the caller, optionally with its first items; with an Idempotency-Key, a retry answers the same cart.")
            .Produces<CartView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        carts.MapGet("{cartId:guid}", GetCartAsync)
            .WithName("GetCart")
            .WithSummary("Reads a cart; its version is the ETag.")
            .Produces<CartView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        carts.MapPost("{cartId:guid}/items", AddItemsAsync)
            .WithName("AddItems")
            .WithSummary("Adds items; the quantity of a sku already in the cart is increased.")
            .Produces<CartView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        carts.MapDelete("{cartId:guid}/items/{sku}", RemoveItemsAsync)
            .WithName("RemoveItems")
            .WithSummary("Removes some units of a sku, or the whole line when no quantity is given.")
            .Produces<CartView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        carts.MapPost("{cartId:guid}/checkout", CheckoutAsync)
            .WithName("CheckoutCart")
            .WithSummary("Checks out an open cart that holds items; afterwards the cart can no longer change.")
            .Produces<CartView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return routes;
    }

    private static async Task<IResult> ListCartsAsync(
        [FromQuery] int? limit, [FromQuery] string? cursor, Caller caller, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListCartsQuery(caller.CustomerId, limit, cursor), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Json(result.Value, ApiJsonContext.Default.CartPage)
            : result.Error.ToProblem();
    }

    private static async Task<IResult> CreateCartAsync(
        [FromBody] CreateCartRequest request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        Caller caller,
        CorrelationId correlationId,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var result = await sender.Send(request.ToCommand(caller.CustomerId, correlationId.Value, idempotencyKey), cancellationToken);
        return result.ToHttpResult(CartResponse.Created);
    }

    private static async Task<IResult> GetCartAsync(Guid cartId, Caller caller, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetCartQuery(cartId, caller.CustomerId), cancellationToken);
        return result.ToHttpResult(CartResponse.Ok);
    }

    private static Task<IResult> AddItemsAsync(
        Guid cartId,
        [FromBody] AddItemsRequest request,
        [FromHeader(Name = IfMatchPrecondition.HeaderName)] string? ifMatch,
        Caller caller,
        CorrelationId correlationId,
        ISender sender,
        CancellationToken cancellationToken) =>
        SendConditionallyAsync(ifMatch, expected => request.ToCommand(cartId, caller.CustomerId, expected, correlationId.Value), sender, cancellationToken);

    private static Task<IResult> RemoveItemsAsync(
        Guid cartId,
        string sku,
        [FromQuery] int? quantity,
        [FromHeader(Name = IfMatchPrecondition.HeaderName)] string? ifMatch,
        Caller caller,
        CorrelationId correlationId,
        ISender sender,
        CancellationToken cancellationToken) =>
        SendConditionallyAsync(ifMatch, expected => new RemoveItemsCommand(cartId, caller.CustomerId, sku, quantity, expected, correlationId.Value), sender, cancellationToken);

    private static Task<IResult> CheckoutAsync(
        Guid cartId,
        [FromHeader(Name = IfMatchPrecondition.HeaderName)] string? ifMatch,
        Caller caller,
        CorrelationId correlationId,
        ISender sender,
        CancellationToken cancellationToken) =>
        SendConditionallyAsync(ifMatch, expected => new CheckoutCartCommand(cartId, caller.CustomerId, expected, correlationId.Value), sender, cancellationToken);

    /// <summary>A change to an existing cart: honours <c>If-Match</c> (a malformed one is a 400, a stale one a 412).</summary>
    private static async Task<IResult> SendConditionallyAsync(
        string? ifMatch, Func<long?, ICommand<Result<CartView>>> command, ISender sender, CancellationToken cancellationToken)
    {
        if (!IfMatchPrecondition.TryParse(ifMatch, out var precondition))
        {
            return TypedResults.Problem(ApiProblems.InvalidIfMatch());
        }

        var result = await sender.Send(command(precondition.ExpectedVersion), cancellationToken);
        return result.ToHttpResult(CartResponse.Ok);
    }
}
