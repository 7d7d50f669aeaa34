using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShoppingCart.Application;
using ShoppingCart.Infrastructure;

namespace ShoppingCart.Operations;

/// <summary>
/// The operator's command line: parses the command, wires the operator use cases to the configured family (embedded by
/// default, AWS when <c>ShoppingCart:Infrastructure</c> says so, exactly as the service chooses) and runs it. It acts
/// as an operator on the stores and the bus directly; it never goes through the public API.
/// </summary>
public static class OperatorCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        IOperatorCommand? command;
        try
        {
            command = CommandParser.Parse(args);
        }
        catch (UsageException exception)
        {
            await errors.WriteLineAsync($"outbox: {exception.Message}");
            await errors.WriteLineAsync(Usage.Text);
            return ExitCodes.Usage;
        }

        if (command is null)
        {
            await output.WriteLineAsync(Usage.Text);
            return ExitCodes.Success;
        }

        try
        {
            using var host = Build(args.Where(CommandParser.IsSetting).ToArray());
            await using var scope = host.Services.CreateAsyncScope();
            return await command.RunAsync(scope.ServiceProvider, output, errors, cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            await errors.WriteLineAsync($"outbox: the configuration is not usable: {string.Join(" ", exception.Failures)}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync("outbox: cancelled; what was published stays published, the rest stays where it was.");
            return ExitCodes.Failure;
        }
        catch (Exception exception)
        {
            await errors.WriteLineAsync($"outbox: failed: {OneLine(exception.Message)} ({exception.GetType().Name})");
            return ExitCodes.Failure;
        }
    }

    private static IHost Build(string[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddEnvironmentVariables().AddCommandLine(settings);

        // Log lines go to stderr, so stdout holds only results (and --json stays machine-readable).
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOutboxOperations().AddOperatorAdapters(builder.Configuration);
        return builder.Build();
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
