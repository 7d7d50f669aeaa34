using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Api.Identity;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Benchmarks.Micro;

/// <summary>
/// What bearer authentication costs a request: the API's own authentication setup (<see cref="CallerAuthentication"/>,
/// development issuer, ES256) run on the same request with a valid token and without one (the baseline: the handler
/// runs but has nothing to validate). The difference is the JWT validation per request.
/// </summary>
[MemoryDiagnoser]
public class BearerAuthenticationBenchmarks
{
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"bench-auth-{Guid.NewGuid():N}");
    private ServiceProvider? _provider;
    private string? _authorization;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ShoppingCart:Infrastructure"] = "Embedded",
            ["ShoppingCart:Identity:DevelopmentKeyPath"] = Path.Combine(_keyDirectory, DevelopmentIssuer.KeyFileName),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddCallerAuthentication(configuration);
        _provider = services.BuildServiceProvider();
        var token = _provider.GetRequiredService<DevelopmentIssuer>().CreateToken(CustomerId.FromTrusted("bench-customer"), TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        _authorization = "Bearer " + token;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider?.Dispose();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "authenticate a request without a token (nothing to validate)")]
    public Task<AuthenticateResult> WithoutToken() => AuthenticateAsync(authorization: null);

    [Benchmark(Description = "authenticate a request with a bearer token (ES256 JWT validated)")]
    public Task<AuthenticateResult> WithValidatedToken() => AuthenticateAsync(_authorization);

    private async Task<AuthenticateResult> AuthenticateAsync(string? authorization)
    {
        await using var scope = _provider!.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        return result.Succeeded == (authorization is not null) ? result : throw new InvalidOperationException("Authentication did not behave as measured.");
    }
}
