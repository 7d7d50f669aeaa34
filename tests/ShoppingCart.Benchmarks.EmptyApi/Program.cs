// The same host the API uses (slim builder, minimal API) with nothing behind it: the floor for a cold start.
// POST /carts answers like the API (201 + a small JSON cart) without doing any work.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
app.MapPost("/carts", () => Results.Text("""{"cartId":"empty","version":1}""", "application/json", statusCode: StatusCodes.Status201Created));
app.Run();
