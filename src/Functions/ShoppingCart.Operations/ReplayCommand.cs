using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application.Operations;

namespace ShoppingCart.Operations;

/// <summary><c>replay --all | --event-id ID... [--dry-run]</c>.</summary>
internal sealed record ReplayCommand(ReplayRequest Request) : IOperatorCommand
{
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(Request.DryRun ? "Dry run: nothing will be published." : "Replaying dead letters through the forwarding use case...");
        var result = await services.GetRequiredService<ReplayDeadLetters>().RunAsync(Request, new ConsoleProgress(output), cancellationToken);
        if (!result.IsSuccess)
        {
            await errors.WriteLineAsync($"outbox replay: {result.Error.Message}");
            return ExitCodes.Failure;
        }

        var summary = result.Value;
        if (summary.DryRun)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Would replay {summary.Selected.Count} dead letter(s), in this order:"));
            foreach (var letter in summary.Selected)
            {
                await output.WriteLineAsync($"  {DeadLettersCommand.Describe(letter)}");
            }

            return ExitCodes.Success;
        }

        foreach (var failed in summary.NotPublished)
        {
            await output.WriteLineAsync($"  not published, stays dead-lettered: {failed.Entry.Record?.EventId ?? failed.Entry.Position}: {failed.Error}");
        }

        foreach (var kept in summary.NotRemoved)
        {
            await output.WriteLineAsync($"  published but not removed (a later replay publishes it again, same id): {kept.Letter.Record?.EventId ?? kept.Letter.Id}: {kept.Reason}");
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Replayed {summary.Selected.Count} dead letter(s): {summary.Published} published with their original ids, {summary.NotPublished.Count} still dead-lettered, {summary.NotRemoved.Count} published but not removed."));
        if (summary.Succeeded)
        {
            return ExitCodes.Success;
        }

        await errors.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"outbox replay: {summary.NotPublished.Count + summary.NotRemoved.Count} of {summary.Selected.Count} dead letter(s) not fully replayed; see above."));
        return ExitCodes.Failure;
    }
}
