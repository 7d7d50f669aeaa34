namespace ShoppingCart.Operations.Tests.Support;

/// <summary>What one run of the operator command line printed and returned.</summary>
public sealed record CommandRun(int ExitCode, string Output, string Errors)
{
    public static async Task<CommandRun> RunAsync(IEnumerable<string> arguments)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await OperatorCommandLine.RunAsync([.. arguments], output, errors, CancellationToken.None);
        return new CommandRun(exitCode, output.ToString(), errors.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}
