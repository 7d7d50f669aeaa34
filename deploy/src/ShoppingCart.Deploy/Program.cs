using Amazon.CDK;
using ShoppingCart.Deploy;
using ShoppingCart.Deploy.Publishing;
using ShoppingCart.Deploy.Settings;

// Run by the CDK CLI from the deploy folder (cdk.json's "app"): npx cdk synth | deploy | diff | destroy.
var deployDirectory = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(deployDirectory, "cdk.json")))
{
    await Console.Error.WriteLineAsync($"Run this app through the CDK CLI from the deploy folder (no cdk.json in {deployDirectory}).");
    return 1;
}

var app = new App();
var context = new DeploymentSettingsReader(app.Node.TryGetContext);
var settings = context.Read();
var code = FunctionCodeSource.Resolve(context, settings.Architecture, deployDirectory);
_ = new ShoppingCartStack(app, settings, code);
app.Synth();
return 0;
