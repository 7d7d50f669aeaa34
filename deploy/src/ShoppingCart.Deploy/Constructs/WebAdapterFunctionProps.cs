using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using ShoppingCart.Deploy.Publishing;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Constructs;

internal sealed record WebAdapterFunctionProps(
    FunctionApp App,
    string CodeDirectory,
    string Description,
    FunctionArchitecture Architecture,
    ILayerVersion AdapterLayer,
    int MemorySize,
    Duration Timeout,
    IReadOnlyDictionary<string, string> Environment,
    int LogRetentionDays);
