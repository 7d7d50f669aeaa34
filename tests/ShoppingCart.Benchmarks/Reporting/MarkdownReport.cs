using System.Globalization;
using System.Text;

namespace ShoppingCart.Benchmarks.Reporting;

/// <summary>The results as one markdown table (measure, value, limit/baseline, ratio, target, met?) plus notes.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchmarkReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {report.StartedAt:yyyy-MM-dd HH:mm} UTC on {report.Machine.ProcessorCount} cores, {report.Machine.Runtime}; load average {Number(report.Machine.LoadAverageAtStart)} at start, {Number(report.Machine.LoadAverageAtEnd)} at end.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{report.Command}`");
        text.AppendLine();
        text.AppendLine("| section | measure | value | limit / baseline | ratio | target | met? |");
        text.AppendLine("|---|---|---:|---:|---:|---|---|");
        foreach (var section in report.Sections)
        {
            foreach (var row in section.Measurements)
            {
                var baseline = row.Baseline is { } b ? $"{Format(b, row.Unit)} ({row.BaselineLabel})" : "";
                var ratio = row.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "";
                var met = row.Met switch { true => "yes", false => "**no**", null => "" };
                text.AppendLine(CultureInfo.InvariantCulture, $"| {section.Section} | {row.Measure} | {Format(row.Value, row.Unit)} | {baseline} | {ratio} | {row.Target} | {met} |");
            }

            if (section.Failure is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {section.Section} | *did not finish* | | | | | **no** |");
            }
        }

        var notes = report.Sections
            .SelectMany(s => s.Measurements.Where(m => m.Note is not null).Select(m => $"{s.Section} / {m.Measure}: {m.Note}")
                .Concat(s.Notes.Select(n => $"{s.Section}: {n}"))
                .Concat(s.Failure is null ? [] : [$"{s.Section} did not finish: {s.Failure}"]))
            .ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return text.ToString();
    }

    private static string Number(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "n/a";

    public static string Format(double value, string unit)
    {
        var number = Math.Abs(value) switch
        {
            _ when value == Math.Floor(value) => value.ToString("#,0", CultureInfo.InvariantCulture),
            >= 100 => value.ToString("#,0", CultureInfo.InvariantCulture),
            >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
            _ => value.ToString("0.00", CultureInfo.InvariantCulture),
        };
        return $"{number} {unit}";
    }
}
