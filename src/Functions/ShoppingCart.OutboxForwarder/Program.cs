using System.Text.Encodings.Web;
using System.Text.Json;
using ShoppingCart.Application;
using ShoppingCart.Infrastructure.Aws.EventBridge;
using ShoppingCart.OutboxForwarder;

var builder = WebApplication.CreateSlimBuilder(args);
builder.ListenWhereTheAdapterExpects();

builder.Logging.ClearProviders().AddJsonConsole(options =>
{
    options.IncludeScopes = true;
    options.UseUtcTimestamp = true;
    options.TimestampFormat = "O";

    // Log lines go to CloudWatch, never into HTML: no need to escape '+', '<' or quotes as \uXXXX.
    options.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
});

builder.Services.AddProblemDetails();
builder.Services.AddOutboxForwarding();
builder.Services.AddEventBridgeForwarding(builder.Configuration);

var app = builder.Build();

// Any crash answers 500 with a problem body: with AWS_LWA_ERROR_STATUS_CODES set, the adapter fails the invocation
// and Lambda retries the batch, instead of counting an empty answer as success.
app.UseExceptionHandler();
app.MapGet("/health", () => Results.Ok());
app.MapStreamEvents(LambdaWebAdapter.PassThroughPath(app.Configuration));
app.Run();

public partial class Program;
