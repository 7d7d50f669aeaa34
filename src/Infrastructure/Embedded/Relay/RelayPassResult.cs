namespace ShoppingCart.Infrastructure.Embedded.Relay;

/// <summary>What one relay pass did, and so what the loop does next.</summary>
/// <param name="Read">Rows read after the checkpoint.</param>
/// <param name="Handled">Rows the checkpoint moved past (published or dead-lettered).</param>
/// <param name="FailedAttempts">Failed attempts so far on the row the relay is stuck at; 0 when it is not stuck.</param>
/// <param name="MoreWaiting">True when rows may be waiting behind this batch: read again without waiting.</param>
public sealed record RelayPassResult(int Read, int Handled, int FailedAttempts, bool MoreWaiting)
{
    public static readonly RelayPassResult Idle = new(0, 0, 0, MoreWaiting: false);
}
