using System.Collections.Concurrent;
using System.Net;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.EndToEnd;

/// <summary>
/// kill -9 while many commands are being committed in groups: every acknowledged command survives, and no group is
/// half visible — each stored cart version has exactly its outbox record, never one without the other.
/// </summary>
public sealed class GroupCommitCrashEndToEndTests
{
    private const int Carts = 8;
    private const int WritersPerCart = 3;
    private const int AcknowledgedBeforeKill = 300;

    [Fact]
    public async Task After_kill_9_in_the_middle_of_group_commits_every_acknowledged_command_is_kept_and_no_group_is_half_written()
    {
        using var data = new TemporaryDirectory();
        var acknowledged = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

        await using (var first = await ApiProcess.StartAsync(data.Path))
        {
            using var client = first.CreateClient();
            var carts = new CartApi(client);
            var ids = new List<string>();
            for (var cart = 0; cart < Carts; cart++)
            {
                var created = await carts.CreateCartAsync(("apple", 1));
                ids.Add(created.CartId);
                acknowledged[created.CartId] = created.Version;
            }

            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var count = 0;

            // Several writers per cart and many carts at once: commands queue behind each other's commits and share them.
            async Task WriteAsync(string cartId)
            {
                while (true)
                {
                    try
                    {
                        using var response = await carts.AddItemsAsync(cartId, """{"items":[{"sku":"pear","quantity":1}]}""");
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            var version = (await CartApi.ReadCartAsync(response)).Version;
                            acknowledged.AddOrUpdate(cartId, version, (_, known) => Math.Max(known, version));
                        }
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // the process died under this request: not acknowledged, may or may not be committed
                    }

                    if (Interlocked.Increment(ref count) == AcknowledgedBeforeKill)
                    {
                        enough.SetResult();
                    }
                }
            }

            var writers = ids.SelectMany(id => Enumerable.Range(0, WritersPerCart).Select(_ => Task.Run(() => WriteAsync(id)))).ToArray();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(120));
            await first.KillAsync();
            await Task.WhenAll(writers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        await using var second = await ApiProcess.StartAsync(data.Path);
        using var secondClient = second.CreateClient();
        var stored = new StoredState(ApiProcess.DatabasePathIn(data.Path));
        foreach (var (cartId, version) in acknowledged)
        {
            using var read = await new CartApi(secondClient).GetAsync(cartId);
            var cart = await CartApi.ReadCartAsync(read);
            Assert.True(cart.Version >= version, $"Cart {cartId} acknowledged version {version} but holds {cart.Version} after the crash.");
            Assert.Equal(cart.Version - 1, cart.Items.FirstOrDefault(i => i.Sku == "pear")?.Quantity ?? 0);
            Assert.Equal(Enumerable.Range(1, (int)cart.Version).Select(v => (long)v), stored.OutboxVersions(cartId));
        }
    }
}
