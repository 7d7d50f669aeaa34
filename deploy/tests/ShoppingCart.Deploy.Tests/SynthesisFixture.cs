using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using ShoppingCart.Deploy.Publishing;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Tests;

/// <summary>
/// Synthesizes stacks the way the CDK CLI would (with cdk.json's feature flags), into a scratch folder under deploy/.tmp
/// that is deleted afterwards. The default stack is synthesized once and shared by every test that only reads it.
/// The functions' code is a small stand-in folder: publishing the real apps is the job of <see cref="CdkSynthTests"/>.
/// </summary>
public sealed class SynthesisFixture : IDisposable
{
    private readonly Dictionary<string, object> _cdkJsonContext;
    private readonly string? _previousTempDirectory = System.Environment.GetEnvironmentVariable("TMPDIR");
    private int _synthesisCount;

    public SynthesisFixture()
    {
        ScratchDirectory = Path.Combine(DeployFolder.Path, ".tmp", $"tests-{System.Environment.ProcessId}");
        Directory.CreateDirectory(ScratchDirectory);

        // jsii unpacks the CDK's JavaScript (about 60 MB) under TMPDIR when it starts: keep that here, where it is cleaned.
        System.Environment.SetEnvironmentVariable("TMPDIR", ScratchDirectory);
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");

        _cdkJsonContext = CdkJson.ReadContext(Path.Combine(DeployFolder.Path, "cdk.json"));
        Code = new FunctionCode(StandInCode(FunctionApp.Api), StandInCode(FunctionApp.OutboxForwarder));
        Default = Synthesize(new DeploymentSettings());
    }

    public string ScratchDirectory { get; }

    internal FunctionCode Code { get; }

    internal SynthesizedTemplate Default { get; }

    internal SynthesizedTemplate Synthesize(DeploymentSettings settings)
    {
        var outdir = Path.Combine(ScratchDirectory, $"cdk.out-{++_synthesisCount}");
        var app = new App(new AppProps { Outdir = outdir, Context = _cdkJsonContext });
        var stack = new ShoppingCartStack(app, settings, Code);
        var assembly = app.Synth();
        var json = File.ReadAllText(Path.Combine(assembly.Directory, stack.TemplateFile));
        // Annotations are metadata entries on the construct that reported them.
        var warnings = stack.Node.FindAll()
            .SelectMany(construct => construct.Node.Metadata)
            .Where(entry => entry.Type == "aws:cdk:warning")
            .Select(entry => entry.Data?.ToString() ?? string.Empty)
            .ToList();
        return new SynthesizedTemplate(Template.FromStack(stack), JsonDocument.Parse(json).RootElement.Clone(), warnings);
    }

    public void Dispose()
    {
        // TMPDIR is process-wide: tests outside this fixture's collection run after it and need a temp folder that exists.
        System.Environment.SetEnvironmentVariable("TMPDIR", _previousTempDirectory);
        if (Directory.Exists(ScratchDirectory))
        {
            Directory.Delete(ScratchDirectory, recursive: true);
        }
    }

    private string StandInCode(FunctionApp app)
    {
        var directory = Path.Combine(ScratchDirectory, "code", app.Name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, app.Executable), "stand-in for the published executable");
        return directory;
    }
}
