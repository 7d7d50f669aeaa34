using Microsoft.Extensions.Options;

namespace ShoppingCart.Infrastructure.Embedded;

/// <summary>Refuses a configuration that would make the store or relay misbehave, at start-up, with every reason at once.</summary>
public sealed class EmbeddedOptionsValidator : IValidateOptions<EmbeddedOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var relay = options.Relay;
        var bus = options.EventBus;

        Require(!string.IsNullOrWhiteSpace(options.DatabasePath), "DatabasePath must be set.");
        Require(options.BusyTimeout > TimeSpan.Zero, "BusyTimeout must be positive.");
        Require(options.OutboxRetention > TimeSpan.Zero, "OutboxRetention must be positive.");
        Require(relay.BatchSize is >= 1 and <= 10_000, "Relay:BatchSize must be between 1 and 10000.");
        Require(relay.MaxAttempts >= 1, "Relay:MaxAttempts must be at least 1.");
        Require(relay.InitialBackoff > TimeSpan.Zero, "Relay:InitialBackoff must be positive.");
        Require(relay.MaxBackoff >= relay.InitialBackoff, "Relay:MaxBackoff must not be shorter than Relay:InitialBackoff.");
        Require(relay.PollingInterval > TimeSpan.Zero, "Relay:PollingInterval must be positive.");
        Require(relay.CleanupInterval > TimeSpan.Zero, "Relay:CleanupInterval must be positive.");
        Require(!string.IsNullOrWhiteSpace(bus.EventLogPath), "EventBus:EventLogPath must be set.");
        Require(!string.IsNullOrWhiteSpace(bus.Source), "EventBus:Source must be set.");
        Require(bus.FailureRate is >= 0 and <= 1, "EventBus:FailureRate must be between 0 and 1.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Require(bool condition, string failure)
        {
            if (!condition)
            {
                failures.Add($"{EmbeddedOptions.SectionName}:{failure}");
            }
        }
    }
}
