using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShoppingCart.Api.Tests.Support;

/// <summary>
/// The real API in process on the embedded family, with its SQLite file and event log in a temporary directory of
/// its own. <see cref="TestServices"/> lets a test decorate a port before the host starts. Its clients are
/// authenticated as <see cref="TestTokens.DefaultCustomer"/> unless made with <see cref="CreateClientAs"/> or
/// <see cref="CreateAnonymousClient"/>.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory _directory = new();

    public string DatabasePath => _directory.File("shopping-cart.db");

    public string EventLogPath => _directory.File("events.jsonl");

    /// <summary>The development issuer's key, where the service finds it: beside its database.</summary>
    public string SigningKeyPath => _directory.File(ShoppingCart.Api.Identity.DevelopmentIssuer.KeyFileName);

    public CapturedLogs Logs { get; } = new();

    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Extra configuration for the service under test (e.g. an issuer to trust).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public StoredState Stored => new(DatabasePath);

    public EventLog Events => new(EventLogPath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ShoppingCart:Infrastructure", "Embedded");
        builder.UseSetting("ShoppingCart:Embedded:DatabasePath", DatabasePath);
        builder.UseSetting("ShoppingCart:Embedded:EventBus:EventLogPath", EventLogPath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public string TokenFor(string customer, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null)
    {
        _ = Server; // the service creates the key on start
        return TestTokens.For(SigningKeyPath, customer, lifetime, issuedAt);
    }

    public HttpClient CreateClientAs(string customer)
    {
        var client = CreateClient();
        TestTokens.Authenticate(client, TokenFor(customer));
        return client;
    }

    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (!Settings.ContainsKey("ShoppingCart:Identity:Issuer"))
        {
            TestTokens.Authenticate(client, TokenFor(TestTokens.DefaultCustomer));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteFiles();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteFiles();
    }

    private void DeleteFiles()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
