using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using ShoppingCart.Deploy.Settings;
using LambdaArchitecture = Amazon.CDK.AWS.Lambda.Architecture;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// An ASP.NET Core app on the managed <c>dotnet10</c> runtime behind the Lambda Web Adapter: the adapter's wrapper starts
/// the app's executable, waits for its health endpoint, then forwards each invocation to it over loopback HTTP.
/// Its role starts empty but for writing to its own log group: every other permission is granted by name.
/// </summary>
internal sealed class WebAdapterFunction : Construct
{
    public const string WorkstationGcVariable = "DOTNET_gcServer";

    public WebAdapterFunction(Construct scope, string id, WebAdapterFunctionProps props)
        : base(scope, id)
    {
        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = LogRetentionPeriods.Of(props.LogRetentionDays),
        });

        // A role of our own: the default one carries AWSLambdaBasicExecutionRole, which may write to any log group.
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Runs {props.App.Name}",
        });
        LogGroup.GrantWrite(Role);

        var environment = new Dictionary<string, string>
        {
            [LambdaWebAdapter.ExecWrapperVariable] = LambdaWebAdapter.ExecWrapper,
            [LambdaWebAdapter.PortVariable] = LambdaWebAdapter.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [LambdaWebAdapter.ReadinessCheckPathVariable] = LambdaWebAdapter.ReadinessCheckPath,
            // ASP.NET Core defaults to server GC, sized for a machine's cores; a sandbox has one or two vCPUs and serves one
            // request at a time, where workstation GC starts faster and keeps the heap small.
            [WorkstationGcVariable] = "0",
        };
        foreach (var (name, value) in props.Environment)
        {
            environment[name] = value;
        }

        Function = new Function(this, "Function", new FunctionProps
        {
            Description = props.Description,
            Runtime = Runtime.DOTNET_10,
            Architecture = props.Architecture == FunctionArchitecture.Arm64 ? LambdaArchitecture.ARM_64 : LambdaArchitecture.X86_64,
            Handler = props.App.Executable,
            Code = Code.FromAsset(props.CodeDirectory),
            Layers = [props.AdapterLayer],
            MemorySize = props.MemorySize,
            Timeout = props.Timeout,
            Environment = environment,
            Role = Role,
            LogGroup = LogGroup,
        });
    }

    public Function Function { get; }

    public IRole Role { get; }

    public LogGroup LogGroup { get; }
}
