using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application.Operations;

namespace ShoppingCart.Operations;

/// <summary><c>status [--json]</c>: what the configured family can tell about the outbox's flow.</summary>
internal sealed record StatusCommand(bool Json) : IOperatorCommand
{
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<ReadOutboxStatus>().RunAsync(cancellationToken);
        var status = report.Status;
        if (Json)
        {
            await output.WriteLineAsync(ToJson(report));
            return ExitCodes.Success;
        }

        await output.WriteLineAsync($"Backlog            {(status.Backlog is { } backlog ? $"{backlog} event(s) not yet published" : "not measurable here (see notes)")}");
        await output.WriteLineAsync($"Oldest unpublished {(report.OldestUnpublishedAge is { } age ? $"{age.TotalSeconds:0.0} s old" : "-")}");
        await output.WriteLineAsync($"Relay checkpoint   {status.Checkpoint ?? "-"}");
        await output.WriteLineAsync($"Relay lease        {status.Relay ?? "-"}");
        if (status.HeadFailure is { } stuck)
        {
            await output.WriteLineAsync($"Relay retrying     {stuck}");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Dead letters       {status.DeadLetters}"));
        foreach (var note in status.Notes)
        {
            await output.WriteLineAsync($"note: {note}");
        }

        return ExitCodes.Success;
    }

    private static string ToJson(OutboxStatusReport report)
    {
        var status = report.Status;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (status.Backlog is { } backlog)
            {
                json.WriteNumber("backlog", backlog);
            }
            else
            {
                json.WriteNull("backlog");
            }

            if (report.OldestUnpublishedAge is { } age)
            {
                json.WriteNumber("oldestUnpublishedAgeSeconds", Math.Round(age.TotalSeconds, 3));
            }
            else
            {
                json.WriteNull("oldestUnpublishedAgeSeconds");
            }

            json.WriteString("checkpoint", status.Checkpoint);
            json.WriteString("relay", status.Relay);
            json.WriteString("relayRetrying", status.HeadFailure);
            json.WriteNumber("deadLetters", status.DeadLetters);
            json.WriteStartArray("notes");
            foreach (var note in status.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
