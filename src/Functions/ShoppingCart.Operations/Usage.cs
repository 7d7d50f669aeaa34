namespace ShoppingCart.Operations;

internal static class Usage
{
    public const string Text = """
        usage: ./run.sh outbox <command>

          dead-letters [--json]                      list what could never be published
          replay --all | --event-id ID... [--dry-run] publish dead letters again (same ids), removing each once published
          republish --cart ID                        publish one cart's events again from the outbox's retention
          republish --since TIME [--until TIME]      ... or every event that occurred in [since, until) (ISO 8601, UTC if no offset)
          status [--json]                            backlog, oldest unpublished age, relay position and lease, dead letters

        Embedded (SQLite) by default; the AWS adapters with ShoppingCart__Infrastructure=Aws and the same settings the
        functions get (ShoppingCart__DynamoDb__OutboxTable, ShoppingCart__EventBridge__EventBusName,
        ShoppingCart__DeadLetterQueue__QueueUrl, AWS_REGION). Settings may also be given as --Key=Value.
        Exit codes: 0 done, 1 refused or failed (reason on stderr), 2 bad command line.
        """;
}
