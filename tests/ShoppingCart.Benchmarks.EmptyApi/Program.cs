// The same host the API uses (slim builder, minimal API), with nothing behind it: the floor for a cold start.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
app.MapPost("/carts", () => Results.Created("/carts/empty", null));
app.Run();
