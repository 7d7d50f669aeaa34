using System.Globalization;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.Identity;

/// <summary>
/// <c>ShoppingCart.Api token CUSTOMER_ID [--ttl 24h] [configuration...]</c> (what <c>./run.sh token</c> runs): prints
/// one line, a development bearer token for the customer, signed with the key of the service configured by the same
/// settings (the same data folder). Nothing else goes to standard output, so <c>TOKEN=$(./run.sh token c-42)</c> works.
/// </summary>
public sealed class TokenCommand
{
    public const string Name = "token";

    private TokenCommand(string? customer, string? ttl, IReadOnlyList<string> hostArguments)
    {
        Customer = customer;
        Ttl = ttl;
        HostArguments = hostArguments;
    }

    /// <summary>The arguments left for the host's configuration (e.g. <c>--ShoppingCart:Embedded:DatabasePath=...</c>).</summary>
    public IReadOnlyList<string> HostArguments { get; }

    private string? Customer { get; }

    private string? Ttl { get; }

    /// <summary>The command, when the first argument asks for it; null for an ordinary start of the service.</summary>
    public static TokenCommand? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not [Name, ..])
        {
            return null;
        }

        string? customer = null;
        string? ttl = null;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--ttl" && i + 1 < args.Length)
            {
                ttl = args[++i];
            }
            else if (args[i].StartsWith("--ttl=", StringComparison.Ordinal))
            {
                ttl = args[i]["--ttl=".Length..];
            }
            else if (customer is null && !args[i].StartsWith('-'))
            {
                customer = args[i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return new TokenCommand(customer, ttl, rest);
    }

    /// <returns>The process exit code: 0 with the token on standard output, 2 with the reason on standard error.</returns>
    public int Run(IServiceProvider services, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var customer = CustomerId.Create(Customer);
        if (!customer.IsSuccess)
        {
            error.WriteLine($"usage: token CUSTOMER_ID [--ttl 24h]  (CUSTOMER_ID: 1 to {CustomerId.MaxLength} printable characters)");
            return 2;
        }

        if (!TryParseLifetime(Ttl, out var lifetime))
        {
            error.WriteLine("--ttl must be a positive duration such as 90s, 30m, 24h or 7d.");
            return 2;
        }

        if (!CallerAuthentication.UsesDevelopmentIssuer(configuration))
        {
            error.WriteLine($"This service trusts {configuration[$"{IdentityOptions.SectionName}:Issuer"]}: get a token from that issuer.");
            return 2;
        }

        var issuer = services.GetRequiredService<DevelopmentIssuer>();
        output.WriteLine(issuer.CreateToken(customer.Value, lifetime, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        return 0;
    }

    /// <summary>"90s", "30m", "24h", "7d"; absent means <see cref="DevelopmentIssuer.DefaultLifetime"/>.</summary>
    public static bool TryParseLifetime(string? text, out TimeSpan lifetime)
    {
        lifetime = DevelopmentIssuer.DefaultLifetime;
        if (text is null)
        {
            return true;
        }

        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        TimeSpan? parsed = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
        lifetime = parsed ?? lifetime;
        return parsed is not null;
    }
}
