namespace ShoppingCart.Benchmarks.Drain;

/// <summary>How fast a backlog went out, against reading it alone.</summary>
/// <param name="Rows">Backlog size.</param>
/// <param name="Drain">From starting the relay until its checkpoint passed the last row (every event published to the log).</param>
/// <param name="LinesInLog">Event lines the bus wrote: must equal <paramref name="Rows"/>.</param>
/// <param name="ReadOnly">Time spent only reading and parsing the same rows in relay batches (the parse-only limit).</param>
/// <param name="ReadAndCheckpoint">Reading plus moving the checkpoint per batch: a relay pass without publishing.</param>
internal sealed record DrainResult(int Rows, TimeSpan Drain, long LinesInLog, TimeSpan ReadOnly, TimeSpan ReadAndCheckpoint, int BatchSize);
