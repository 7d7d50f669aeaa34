using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.EndToEnd;

/// <summary>One real API process with fresh files, shared by the tests of a class.</summary>
public sealed class RunningApi : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _data = new();
    private ApiProcess? _process;

    public ApiProcess Process => _process ?? throw new InvalidOperationException("The API process starts in InitializeAsync.");

    public EventLog Events => new(ApiProcess.EventLogPathIn(_data.Path));

    public StoredState Stored => new(ApiProcess.DatabasePathIn(_data.Path));

    public async Task InitializeAsync() => _process = await ApiProcess.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    /// <summary>Runs after <see cref="DisposeAsync"/> has ended the process, so its files are closed.</summary>
    public void Dispose() => _data.Dispose();
}
