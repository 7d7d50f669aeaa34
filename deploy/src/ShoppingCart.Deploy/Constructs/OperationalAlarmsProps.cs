using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;

namespace ShoppingCart.Deploy.Constructs;

internal sealed record OperationalAlarmsProps(
    IFunction Forwarder,
    ITable Outbox,
    IQueue PoisonRecordQueue,
    IQueue StreamFailureQueue,
    RestApiBase Api,
    int IteratorAgeAlarmSeconds,
    string? AlarmEmail);
