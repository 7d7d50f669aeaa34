using ShoppingCart.Api.Carts;
using ShoppingCart.Api.Hosting;
using ShoppingCart.Api.Http;
using ShoppingCart.Application;
using ShoppingCart.Infrastructure;

var builder = WebApplication.CreateSlimBuilder(args);
builder.UseLambdaWebAdapterWhenPresent();
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddCartApi();

var app = builder.Build();
app.UseMiddleware<RequestCorrelationMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapCartEndpoints();
app.Run();

/// <summary>The API's entry point; public so in-process tests can host it.</summary>
public partial class Program;
