using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using ShoppingCart.Deploy.Constructs;
using ShoppingCart.Deploy.Publishing;
using ShoppingCart.Deploy.Settings;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Deploy;

/// <summary>
/// The whole shopping-cart service in one stack: the API (API Gateway → Lambda) writing carts and outbox records to
/// DynamoDB in one transaction, the outbox stream feeding the forwarder, the forwarder publishing to a custom EventBridge
/// bus, a log group of all events, dead-letter queues, and the alarms that say when any of it stops working.
/// </summary>
internal sealed class ShoppingCartStack : Stack
{
    /// <summary>
    /// Room for the slowest command the store allows (SDK attempts and retries, and settling an unknown outcome), so a slow
    /// store ends in the API's own coded answer; under the 29 s API Gateway waits at most, so it is never API Gateway's 504.
    /// </summary>
    private static readonly Duration ApiTimeout = Duration.Seconds(Math.Ceiling(DynamoDbTimeouts.Command.TotalSeconds) + 2);

    /// <summary>Room for the forwarder's PutEvents retry budget (20 s by default) and a batch of up to 10,000 records.</summary>
    private static readonly Duration ForwarderTimeout = Duration.Seconds(60);

    /// <summary>
    /// What the API's code calls, and nothing else: GetItem (load a cart; read back an outbox key to settle an unknown
    /// outcome) and PutItem (each Put of a TransactWriteItems is authorized as a PutItem on its table).
    /// </summary>
    // Query: a customer's listing on the byCustomerUpdatedAt index.
    private static readonly string[] ApiCartsTableActions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"];

    private static readonly string[] ApiOutboxTableActions = ["dynamodb:GetItem", "dynamodb:PutItem"];

    public ShoppingCartStack(Construct scope, DeploymentSettings settings, FunctionCode code, IStackProps? props = null)
        : base(scope, settings.StackName, props)
    {
        if (settings.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The deployment settings cannot be deployed:{System.Environment.NewLine}  {string.Join($"{System.Environment.NewLine}  ", problems)}");
        }

        TemplateOptions.Description = "Shopping-cart service: serverless transactional outbox (API, DynamoDB, stream forwarder, EventBridge)";
        Amazon.CDK.Tags.Of(this).Add("service", "shopping-cart");

        Tables = new ServiceTables(this, "Tables", settings.CartsTableName, settings.OutboxTableName, settings.Throwaway);
        Events = new EventLog(this, "Events", settings);
        PoisonRecordQueue = DeadLetterQueue.Create(this, "PoisonRecords");
        StreamFailureQueue = DeadLetterQueue.Create(this, "StreamFailures");

        var adapterLayer = LayerVersion.FromLayerVersionArn(
            this,
            "WebAdapterLayer",
            settings.WebAdapterLayerArn ?? LambdaWebAdapter.LayerArnFor(this, settings.Architecture));

        // Each app is told only what it uses: the API its tables, the forwarder its bus and dead-letter queue.
        var apiConfiguration = new Dictionary<string, string>
        {
            ["ShoppingCart__Infrastructure"] = "Aws",
            ["ShoppingCart__DynamoDb__CartsTable"] = Tables.Carts.TableName,
            ["ShoppingCart__DynamoDb__OutboxTable"] = Tables.Outbox.TableName,
        };
        var forwarderConfiguration = new Dictionary<string, string>
        {
            ["ShoppingCart__EventBridge__EventBusName"] = Events.Bus.EventBusName,
            ["ShoppingCart__EventBridge__Source"] = settings.EventSource,
            ["ShoppingCart__DeadLetterQueue__QueueUrl"] = PoisonRecordQueue.QueueUrl,
            [LambdaWebAdapter.PassThroughPathVariable] = LambdaWebAdapter.PassThroughPath,
            [LambdaWebAdapter.ErrorStatusCodesVariable] = LambdaWebAdapter.AllButOkStatusCodes,
        };

        Identity = new CustomerIdentity(this, "Identity", settings.StackName, settings.Throwaway);

        Api = new WebAdapterFunction(this, "ApiFunction", new WebAdapterFunctionProps(
            FunctionApp.Api,
            code.ApiDirectory,
            "Shopping-cart API (ASP.NET Core under the Lambda Web Adapter)",
            settings.Architecture,
            adapterLayer,
            settings.ApiMemorySize,
            ApiTimeout,
            new Dictionary<string, string>(apiConfiguration)
            {
                // The app verifies every token itself against the user pool's published keys (defence in depth
                // behind the gateway's authorizer; see README, "Identity").
                ["ShoppingCart__Identity__Issuer"] = Identity.Issuer,
                ["ShoppingCart__Identity__Audience"] = Identity.Client.UserPoolClientId,
            },
            settings.LogRetentionDays));
        Tables.Carts.Grant(Api.Role, ApiCartsTableActions);
        Tables.Outbox.Grant(Api.Role, ApiOutboxTableActions);

        Forwarder = new WebAdapterFunction(this, "ForwarderFunction", new WebAdapterFunctionProps(
            FunctionApp.OutboxForwarder,
            code.ForwarderDirectory,
            "Publishes outbox stream records to EventBridge (ASP.NET Core under the Lambda Web Adapter)",
            settings.Architecture,
            adapterLayer,
            settings.ForwarderMemorySize,
            ForwarderTimeout,
            forwarderConfiguration,
            settings.LogRetentionDays));
        Events.Bus.GrantPutEventsTo(Forwarder.Role);
        PoisonRecordQueue.Grant(Forwarder.Role, "sqs:SendMessage");
        OutboxStreamMapping.Attach(Forwarder.Function, Tables.Outbox, StreamFailureQueue, settings);

        PublicApi = new PublicApi(this, "PublicApi", Api.Function, Identity, settings);

        Alarms = new OperationalAlarms(this, "Alarms", new OperationalAlarmsProps(
            Forwarder.Function,
            Tables.Outbox,
            PoisonRecordQueue,
            StreamFailureQueue,
            PublicApi.Api,
            settings.IteratorAgeAlarmSeconds,
            settings.AlarmEmail));

        // Data and logs outlive the stack, so `cdk destroy` never loses carts or the event log; a throwaway environment
        // leaves nothing behind. One rule for every table and log group, including the one CDK adds for its own helper.
        RemovalPolicies.Of(this).Apply(
            settings.Throwaway ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
            new RemovalPolicyProps { ApplyToResourceTypes = ["AWS::DynamoDB::Table", "AWS::Logs::LogGroup"] });

        Output("ApiUrl", PublicApi.Api.Url, "Base URL of the API");
        Output("EventBusName", Events.Bus.EventBusName, "The bus the service publishes its integration events to");
        Output("EventLogGroupName", Events.LogGroup.LogGroupName, "Every published event, as EventBridge delivered it");
        Output("EventArchiveArn", Events.Archive.ArchiveArn, "The archive EventBridge replays a time window of events from");
        Output("PoisonRecordQueueUrl", PoisonRecordQueue.QueueUrl, "Outbox records the forwarder could never publish");
        Output("StreamFailureQueueUrl", StreamFailureQueue.QueueUrl, "Stream positions the event source mapping gave up on");
        Output("ApiAccessLogGroupName", PublicApi.AccessLogs.LogGroupName, "One JSON line per API request");
        Output("ApiLogGroupName", Api.LogGroup.LogGroupName, "Logs of the API function");
        Output("ForwarderLogGroupName", Forwarder.LogGroup.LogGroupName, "Logs of the outbox forwarder function");
        Output("AlarmTopicArn", Alarms.Topic.TopicArn, "Subscribe here to receive the alarms");
        Output("CartsTableName", Tables.Carts.TableName, "DynamoDB carts table");
        Output("OutboxTableName", Tables.Outbox.TableName, "DynamoDB outbox table");
        Output("UserPoolId", Identity.UserPool.UserPoolId, "Cognito user pool of the customers (create users here)");
        Output("UserPoolClientId", Identity.Client.UserPoolClientId, "App client to sign in with; its ID tokens call the API");
    }

    public ServiceTables Tables { get; }

    public EventLog Events { get; }

    public CustomerIdentity Identity { get; }

    public Amazon.CDK.AWS.SQS.Queue PoisonRecordQueue { get; }

    public Amazon.CDK.AWS.SQS.Queue StreamFailureQueue { get; }

    public WebAdapterFunction Api { get; }

    public WebAdapterFunction Forwarder { get; }

    public PublicApi PublicApi { get; }

    public OperationalAlarms Alarms { get; }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
