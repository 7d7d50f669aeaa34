using System.Globalization;
using ShoppingCart.Application.Operations;

namespace ShoppingCart.Operations;

/// <summary>Writes counts as a long operation goes, one line per chunk (synchronously: the order of lines is the order of events).</summary>
internal sealed class ConsoleProgress(TextWriter output) : IProgress<OperationProgress>
{
    public void Report(OperationProgress value) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value.Done} of {value.Total} handled, {value.Published} published"));
}
