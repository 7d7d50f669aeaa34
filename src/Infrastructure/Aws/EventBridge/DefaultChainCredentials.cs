using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// The AWS SDK's default credential chain (environment, profile, container, instance metadata), looked up at the
/// first signed request rather than at startup: the app starts, and answers its health check, without credentials.
/// A failed lookup is not remembered, so the next request tries again.
/// </summary>
public sealed class DefaultChainCredentials : AWSCredentials
{
    private AWSCredentials? _resolved;

    public override ImmutableCredentials GetCredentials() =>
        (Volatile.Read(ref _resolved) ?? Remember(DefaultAWSCredentialsIdentityResolver.GetCredentials(null))).GetCredentials();

    public override async Task<ImmutableCredentials> GetCredentialsAsync() =>
        await (Volatile.Read(ref _resolved) ?? Remember(await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null))).GetCredentialsAsync();

    // The found credentials refresh themselves (role sessions, instance metadata): only the lookup is done once.
    private AWSCredentials Remember(AWSCredentials found) => Interlocked.CompareExchange(ref _resolved, found, null) ?? found;
}
