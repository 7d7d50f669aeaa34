using System.Diagnostics;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// CPU time of the app and of this process over a wall-clock interval, as shares of the machine's cores: a first look
/// at what bounds a run (an app near 100 % of its cores is CPU-bound; one well below is waiting on something).
/// </summary>
internal sealed class CpuMeter(Process app)
{
    private readonly Process _self = Process.GetCurrentProcess();
    private TimeSpan _appStart;
    private TimeSpan _selfStart;
    private long _wallStart;

    public void Start()
    {
        app.Refresh();
        _self.Refresh();
        _appStart = app.TotalProcessorTime;
        _selfStart = _self.TotalProcessorTime;
        _wallStart = Stopwatch.GetTimestamp();
    }

    public (double App, double Self) Stop()
    {
        app.Refresh();
        _self.Refresh();
        var capacity = Stopwatch.GetElapsedTime(_wallStart).TotalSeconds * Environment.ProcessorCount;
        return ((app.TotalProcessorTime - _appStart).TotalSeconds / capacity, (_self.TotalProcessorTime - _selfStart).TotalSeconds / capacity);
    }
}
