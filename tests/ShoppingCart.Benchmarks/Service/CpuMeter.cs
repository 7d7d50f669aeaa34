using System.Diagnostics;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// CPU time of the app and of this process over a wall-clock interval, as shares of the machine's cores: a first look
/// at what bounds a run (an app near 100 % of its cores is CPU-bound; one well below is waiting on something).
/// </summary>
internal sealed class CpuMeter(Func<TimeSpan> appProcessorTime)
{
    private TimeSpan _appStart;
    private TimeSpan _selfStart;
    private long _wallStart;

    public void Start()
    {
        _appStart = appProcessorTime();
        _selfStart = SelfProcessorTime();
        _wallStart = Stopwatch.GetTimestamp();
    }

    public (double App, double Self) Stop()
    {
        var capacity = Stopwatch.GetElapsedTime(_wallStart).TotalSeconds * Environment.ProcessorCount;
        return ((appProcessorTime() - _appStart).TotalSeconds / capacity, (SelfProcessorTime() - _selfStart).TotalSeconds / capacity);
    }

    private static TimeSpan SelfProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
