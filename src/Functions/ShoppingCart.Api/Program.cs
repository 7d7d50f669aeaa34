using ShoppingCart.Api.Carts;
using ShoppingCart.Api.Hosting;
using ShoppingCart.Api.Http;
using ShoppingCart.Api.Identity;
using ShoppingCart.Application;
using ShoppingCart.Infrastructure;

var tokenCommand = TokenCommand.Parse(args);
var builder = WebApplication.CreateSlimBuilder([.. tokenCommand?.HostArguments ?? args]);
builder.UseLambdaWebAdapterWhenPresent();
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddCallerAuthentication(builder.Configuration)
    .AddCartApi();

var app = builder.Build();
if (tokenCommand is not null)
{
    return tokenCommand.Run(app.Services, app.Configuration, Console.Out, Console.Error);
}

if (CallerAuthentication.UsesDevelopmentIssuer(app.Configuration))
{
    // The development issuer's key is created on first start, so ./run.sh token works against a running service.
    app.Services.GetRequiredService<DevelopmentIssuer>();
}

app.UseMiddleware<ApiGatewayPathBaseMiddleware>();
app.UseMiddleware<RequestCorrelationMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeProblems.WriteAsync);

// Before the body limit: a request without a verified caller is refused before any of its body is read.
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapCartEndpoints();
app.Run();
return 0;

/// <summary>The API's entry point; public so in-process tests can host it.</summary>
public partial class Program;
