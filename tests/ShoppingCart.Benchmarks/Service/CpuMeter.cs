using System.Diagnostics;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// CPU time of the app (user and kernel apart) and of this process over a wall-clock interval. As shares of the
/// machine's cores it tells a CPU-bound run from a waiting one; divided by the commands served it is the app's CPU cost
/// per command, which other programs on the machine disturb far less than they disturb throughput.
/// </summary>
internal sealed class CpuMeter(Func<ProcessorTimes> appProcessorTimes)
{
    private ProcessorTimes _appStart;
    private TimeSpan _selfStart;
    private long _wallStart;

    public void Start()
    {
        _appStart = appProcessorTimes();
        _selfStart = SelfProcessorTime();
        _wallStart = Stopwatch.GetTimestamp();
    }

    public CpuUse Stop()
    {
        var capacity = Stopwatch.GetElapsedTime(_wallStart).TotalSeconds * Environment.ProcessorCount;
        var app = appProcessorTimes();
        return new CpuUse(
            app.User - _appStart.User,
            app.Kernel - _appStart.Kernel,
            (SelfProcessorTime() - _selfStart).TotalSeconds / capacity,
            capacity);
    }

    private static TimeSpan SelfProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
