using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application.Operations;

namespace ShoppingCart.Operations;

/// <summary><c>republish --cart ID | --since TIME [--until TIME]</c>.</summary>
internal sealed record RepublishCommand(RepublishScope Scope) : IOperatorCommand
{
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Republishing {Scope} from the outbox, in version order per cart...");
        var result = await services.GetRequiredService<RepublishOutbox>().RunAsync(Scope, new ConsoleProgress(output), cancellationToken);
        if (!result.IsSuccess)
        {
            await errors.WriteLineAsync($"outbox republish: {result.Error.Message}");
            return ExitCodes.Failure;
        }

        var summary = result.Value;
        foreach (var failed in summary.NotPublished)
        {
            await output.WriteLineAsync($"  not published: {failed.Entry.Record?.EventId ?? failed.Entry.Position}: {failed.Error}");
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Republished {summary.Published} of {summary.Found} event(s) with their original ids; {summary.NotPublished.Count} not published; {summary.LeftToRelay} not yet published by the relay, left to it."));
        if (summary.Succeeded)
        {
            return ExitCodes.Success;
        }

        await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"outbox republish: {summary.NotPublished.Count} of {summary.Found} event(s) could not be published; run it again."));
        return ExitCodes.Failure;
    }
}
