using System.Diagnostics;
using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Service;

namespace ShoppingCart.Benchmarks.ColdStart;

/// <summary>
/// Starts a published app once on a fresh data folder and times, from just before the process is spawned: the first
/// <c>200</c> on <c>/health</c>, then the first successful <c>POST /carts</c> (which also creates the database file).
/// </summary>
internal static class ColdStartProbe
{
    public static async Task<ColdStartSample> MeasureAsync(PublishedApp app, CancellationToken cancellationToken)
    {
        using var scratch = ScratchDirectory.Create("coldstart");
        var environment = EmbeddedAppSettings.For(scratch);
        var token = await DevelopmentToken.MintAsync(app, environment, cancellationToken);
        using var process = AppProcess.Start(app, environment);
        var toHealthy = await process.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var cpuToHealthy = process.TotalProcessorTime;
        using var http = new HttpClient
        {
            BaseAddress = process.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { Authorization = token is null ? null : new("Bearer", token) },
        };
        try
        {
            await new CartApiClient(http).CreateAsync(cancellationToken);
            return new ColdStartSample(toHealthy, cpuToHealthy, Stopwatch.GetElapsedTime(process.StartedAt), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException)
        {
            return new ColdStartSample(toHealthy, cpuToHealthy, null, exception.Message);
        }
    }
}
