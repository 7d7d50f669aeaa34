using System.Net;
using System.Net.Sockets;

namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>A loopback port nobody listens on right now (the kernel picks it).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
