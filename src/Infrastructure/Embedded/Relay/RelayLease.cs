namespace ShoppingCart.Infrastructure.Embedded.Relay;

/// <summary>
/// One relay per database file. Two processes on one file would otherwise both publish every event (same ids, but
/// twice the traffic); the lease is an exclusive lock on <c>&lt;database&gt;.relay-lock</c> held while a relay runs.
/// The operating system drops the lock when the process ends, even on <c>kill -9</c>, so a crashed relay never blocks
/// the next one.
/// </summary>
public sealed class RelayLease : IDisposable
{
    private readonly FileStream _lock;

    private RelayLease(FileStream lockFile) => _lock = lockFile;

    public static string LockPathFor(string databasePath) => databasePath + ".relay-lock";

    /// <summary>The lease, or null while another relay (in this or another process) holds it.</summary>
    public static RelayLease? TryAcquire(string databasePath)
    {
        try
        {
            return new RelayLease(new FileStream(LockPathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _lock.Dispose();
}
