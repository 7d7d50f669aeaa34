namespace ShoppingCart.Benchmarks.Service;

/// <summary>What the app and the load client used over a measured interval.</summary>
/// <param name="AppUser">The app's user-mode CPU time.</param>
/// <param name="AppKernel">The app's kernel CPU time.</param>
/// <param name="ClientShare">This process's (load client and log tail) CPU time as a share of all cores (0–1).</param>
/// <param name="CoreSeconds">Wall time × cores: the CPU time the machine had to give.</param>
internal sealed record CpuUse(TimeSpan AppUser, TimeSpan AppKernel, double ClientShare, double CoreSeconds)
{
    public static readonly CpuUse None = new(TimeSpan.Zero, TimeSpan.Zero, 0, 1);

    /// <summary>The app's CPU time as a share of all cores (0–1).</summary>
    public double AppShare => (AppUser + AppKernel).TotalSeconds / CoreSeconds;

    /// <summary>The app's CPU time (user + kernel) per operation, in microseconds.</summary>
    public double AppMicrosecondsPer(long operations) => operations == 0 ? double.NaN : (AppUser + AppKernel).TotalMicroseconds / operations;

    public string Describe(long operations) =>
        $"app {AppShare:P0} of {Environment.ProcessorCount} cores ({AppUser.TotalMicroseconds / operations:0} µs user + {AppKernel.TotalMicroseconds / operations:0} µs kernel per operation), load client {ClientShare:P0}";
}
