using ShoppingCart.Application;
using ShoppingCart.Infrastructure.Aws.EventBridge;
using ShoppingCart.OutboxForwarder;

var builder = WebApplication.CreateSlimBuilder(args);
builder.ListenWhereTheAdapterExpects();

// AddApplication also registers the cart use cases, which need a cart store this app has no use for and never
// resolves: validating every registration at build would refuse to start over them. Scopes are still checked.
builder.Host.UseDefaultServiceProvider(options =>
{
    options.ValidateOnBuild = false;
    options.ValidateScopes = true;
});
builder.Logging.ClearProviders().AddJsonConsole(options =>
{
    options.IncludeScopes = true;
    options.UseUtcTimestamp = true;
    options.TimestampFormat = "O";
});

builder.Services.AddProblemDetails();
builder.Services.AddApplication();
builder.Services.AddEventBridgeForwarding(builder.Configuration);

var app = builder.Build();

// Any crash answers 500 with a problem body: with AWS_LWA_ERROR_STATUS_CODES set, the adapter fails the invocation
// and Lambda retries the batch, instead of counting an empty answer as success.
app.UseExceptionHandler();
app.MapGet("/health", () => Results.Ok());
app.MapStreamEvents(LambdaWebAdapter.PassThroughPath(app.Configuration));
app.Run();

public partial class Program;
