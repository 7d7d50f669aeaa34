using System.Diagnostics;
using System.Net;

namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>
/// A published app running as a child process on a loopback port, with its settings given as environment variables
/// (the same configuration keys the app binds). Its output is drained and only the tail kept, for error messages.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly OutputTail _output = new(30);

    private AppProcess(Process process, Uri baseAddress, long startedAt)
    {
        _process = process;
        BaseAddress = baseAddress;
        StartedAt = startedAt;
    }

    public Uri BaseAddress { get; }

    /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    public string OutputTail => _output.ToString();

    /// <summary>CPU time the process has used so far, all threads, user and kernel.</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>CPU time the process has used so far, all threads, user and kernel apart.</summary>
    public Service.ProcessorTimes ProcessorTimes
    {
        get
        {
            _process.Refresh();
            return new Service.ProcessorTimes(_process.UserProcessorTime, _process.PrivilegedProcessorTime);
        }
    }

    /// <summary>Starts <paramref name="app"/> listening on a free loopback port. Logging is at Warning unless overridden.</summary>
    public static AppProcess Start(PublishedApp app, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(app.Executable)
        {
            WorkingDirectory = app.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var startedAt = Stopwatch.GetTimestamp();
        process.Start();
        var running = new AppProcess(process, baseAddress, startedAt);
        process.OutputDataReceived += (_, e) => running._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => running._output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>
    /// Polls <c>GET /health</c> every couple of milliseconds until it answers 200, and returns the time from process
    /// start to that answer. Fails if the process exits or <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<TimeSpan> WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was healthy:\n{OutputTail}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(StartedAt);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The app was not healthy within {timeout.TotalSeconds:0} s:\n{OutputTail}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2), cancellationToken);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }
}
