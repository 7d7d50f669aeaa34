namespace ShoppingCart.Operations;

/// <summary>One parsed operator command, ready to run against the configured family.</summary>
internal interface IOperatorCommand
{
    /// <summary>Runs it, writing results to <paramref name="output"/>; returns the process exit code.</summary>
    Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken);
}
