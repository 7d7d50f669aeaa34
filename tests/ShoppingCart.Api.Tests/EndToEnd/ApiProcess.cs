using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.EndToEnd;

/// <summary>
/// The built API started as a real process, the way run.sh starts it: Kestrel on a free loopback port, the embedded
/// family on a SQLite file and an event log in <paramref name="dataDirectory"/>. Disposing it always ends the process.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private readonly string _dataDirectory;

    private ApiProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the app wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string DatabasePathIn(string dataDirectory) => Path.Combine(dataDirectory, "shopping-cart.db");

    public static string EventLogPathIn(string dataDirectory) => Path.Combine(dataDirectory, "events.jsonl");

    /// <param name="settings">Extra configuration, passed as command-line settings.</param>
    /// <param name="lambdaWebAdapterPort">Start as under the Lambda Web Adapter: no --urls, AWS_LWA_PORT set instead.</param>
    public static async Task<ApiProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, bool lambdaWebAdapterPort = false)
    {
        var port = FreeLoopbackPort();
        var start = StartInfo();
        start.Environment.Remove("ASPNETCORE_URLS");
        if (lambdaWebAdapterPort)
        {
            start.Environment["AWS_LWA_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            start.Environment.Remove("AWS_LWA_PORT");
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
        }

        var configuration = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ShoppingCart:Infrastructure"] = "Embedded",
            ["ShoppingCart:Embedded:DatabasePath"] = DatabasePathIn(dataDirectory),
            ["ShoppingCart:Embedded:EventBus:EventLogPath"] = EventLogPathIn(dataDirectory),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            configuration[key] = value;
        }

        foreach (var (key, value) in configuration)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = new Process { StartInfo = start };
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
        process.OutputDataReceived += (_, line) => api.Append(line.Data);
        process.ErrorDataReceived += (_, line) => api.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await api.WaitUntilHealthyAsync();
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client authenticated as <paramref name="customer"/> with a token of the service's own development issuer.</summary>
    /// <summary>
    /// <c>dotnet ShoppingCart.Api.dll [arguments] --contentRoot ...</c> as built next to the tests, outside Lambda, with its
    /// output captured; callers add configuration.
    /// </summary>
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var appDirectory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = appDirectory,
        };
        start.ArgumentList.Add(Path.Combine(appDirectory, "ShoppingCart.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(appDirectory);
        start.Environment.Remove("AWS_LAMBDA_FUNCTION_NAME");
        return start;
    }

    public HttpClient CreateClient(string customer = TestTokens.DefaultCustomer)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        TestTokens.Authenticate(client, TestTokens.For(Path.Combine(_dataDirectory, ShoppingCart.Api.Identity.DevelopmentIssuer.KeyFileName), customer));
        return client;
    }

    /// <summary>Asks the app to shut down as Ctrl-C or a container stop would (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            // No signal to send on Windows: a hard stop still exercises resuming after an unclean end.
            _process.Kill(entireProcessTree: true);
        }
        else
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Ends the process at once (SIGKILL on Linux): no shutdown hook, no flush, as a crash or `kill -9` would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(StopTimeout);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(StopTimeout);
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // The process never started or already ended: nothing to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < StartTimeout)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The API exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A cold start slower than one attempt's timeout: try again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Fail($"The API did not answer /health within {StartTimeout}:\n{Output}");
    }
}
