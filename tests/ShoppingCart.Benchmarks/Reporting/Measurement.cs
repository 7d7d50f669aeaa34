namespace ShoppingCart.Benchmarks.Reporting;

/// <summary>
/// One row of the results table: a measured value, optionally the limit or baseline it is compared with, and the
/// target it must meet. <see cref="Met"/> is null when the row has no target.
/// </summary>
internal sealed record Measurement(string Measure, double Value, string Unit)
{
    /// <summary>The reference value in the same unit (the storage limit, the parse-only rate, the empty app).</summary>
    public double? Baseline { get; init; }

    public string? BaselineLabel { get; init; }

    /// <summary>The target as a person reads it, e.g. "≥ 0.85 × limit".</summary>
    public string? Target { get; init; }

    public bool? Met { get; init; }

    /// <summary>What bounds the figure, or how it was taken, when the table alone would mislead.</summary>
    public string? Note { get; init; }

    /// <summary>Value over baseline; null without a baseline.</summary>
    public double? Ratio => Baseline is > 0 ? Value / Baseline : null;

    public Measurement ComparedWith(double baseline, string label) => this with { Baseline = baseline, BaselineLabel = label };

    /// <summary>A target on the ratio to the baseline: met when the ratio is at least <paramref name="minimumRatio"/>.</summary>
    public Measurement WithMinimumRatio(double minimumRatio) =>
        this with { Target = $"≥ {minimumRatio:0.##} ×", Met = Ratio is { } ratio ? ratio >= minimumRatio : null };

    /// <summary>A target on the ratio to the baseline: met when the ratio is at most <paramref name="maximumRatio"/>.</summary>
    public Measurement WithMaximumRatio(double maximumRatio) =>
        this with { Target = $"≤ {maximumRatio:0.##} ×", Met = Ratio is { } ratio ? ratio <= maximumRatio : null };

    /// <summary>A target on the value itself: met when it is below <paramref name="bound"/>.</summary>
    public Measurement WithUpperBound(double bound) => this with { Target = $"< {bound:0.##} {Unit}", Met = Value < bound };
}
