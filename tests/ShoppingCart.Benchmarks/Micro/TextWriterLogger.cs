using BenchmarkDotNet.Loggers;

namespace ShoppingCart.Benchmarks.Micro;

/// <summary>Sends BenchmarkDotNet's running commentary to the progress stream, so standard output keeps only the table.</summary>
internal sealed class TextWriterLogger(TextWriter writer) : ILogger
{
    public string Id => nameof(TextWriterLogger);

    public int Priority => 0;

    public void Write(LogKind logKind, string text) => writer.Write(text);

    public void WriteLine() => writer.WriteLine();

    public void WriteLine(LogKind logKind, string text) => writer.WriteLine(text);

    public void Flush() => writer.Flush();
}
