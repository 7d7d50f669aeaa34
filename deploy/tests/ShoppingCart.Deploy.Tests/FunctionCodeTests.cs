using ShoppingCart.Deploy.Publishing;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Tests;

public sealed class FunctionCodeTests : IDisposable
{
    private readonly string _deployDirectory = Directory.CreateTempSubdirectory("deploy-folder-").FullName;

    [Theory]
    [InlineData("arm64", "linux-arm64")]
    [InlineData("x86_64", "linux-x64")]
    public void Publishing_asks_for_a_framework_dependent_ready_to_run_build_for_the_functions_architecture(
        string contextArchitecture, string runtimeIdentifier)
    {
        var publisher = new FunctionPublisher("/repo", "/repo/deploy/.artifacts");
        var architecture = Context(new() { [ContextKeys.Architecture] = contextArchitecture }).Read().Architecture;

        var arguments = publisher.PublishArguments(FunctionApp.Api, FunctionPublisher.RuntimeIdentifierOf(architecture), "/out");

        Assert.Equal("publish", arguments[0]);
        Assert.Equal(Path.Combine("/repo", "src/Functions/ShoppingCart.Api/ShoppingCart.Api.csproj"), arguments[1]);
        Assert.Equal(runtimeIdentifier, After("--runtime", arguments));
        Assert.Equal("Release", After("--configuration", arguments));
        Assert.Equal("false", After("--self-contained", arguments));
        Assert.Contains("-p:PublishReadyToRun=true", arguments);
        Assert.Equal("/out", After("--output", arguments));
        // Its own build folders: a publish never races the solution build or a running test for bin/obj.
        Assert.Equal(Path.Combine("/repo/deploy/.artifacts", "build"), After("--artifacts-path", arguments));
    }

    [Fact]
    public void Code_folders_given_in_the_context_are_used_as_they_are()
    {
        Directory.CreateDirectory(Path.Combine(_deployDirectory, "api"));
        Directory.CreateDirectory(Path.Combine(_deployDirectory, "forwarder"));

        var code = FunctionCodeSource.Resolve(
            Context(new() { [ContextKeys.ApiCodePath] = "api", [ContextKeys.ForwarderCodePath] = "forwarder" }),
            FunctionArchitecture.Arm64,
            _deployDirectory);

        Assert.Equal(new FunctionCode(Path.Combine(_deployDirectory, "api"), Path.Combine(_deployDirectory, "forwarder")), code);
    }

    [Fact]
    public void Only_one_code_folder_in_the_context_is_refused_rather_than_half_published()
    {
        Directory.CreateDirectory(Path.Combine(_deployDirectory, "api"));

        var error = Assert.Throws<ArgumentException>(() => FunctionCodeSource.Resolve(
            Context(new() { [ContextKeys.ApiCodePath] = "api" }), FunctionArchitecture.Arm64, _deployDirectory));

        Assert.Contains(ContextKeys.ForwarderCodePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_folder_that_does_not_exist_is_refused()
    {
        Assert.Throws<DirectoryNotFoundException>(() => FunctionCodeSource.Resolve(
            Context(new() { [ContextKeys.ApiCodePath] = "missing", [ContextKeys.ForwarderCodePath] = "missing-too" }),
            FunctionArchitecture.Arm64,
            _deployDirectory));
    }

    public void Dispose() => Directory.Delete(_deployDirectory, recursive: true);

    private static string After(string option, IReadOnlyList<string> arguments) => arguments[IndexOf(option, arguments) + 1];

    private static int IndexOf(string option, IReadOnlyList<string> arguments)
    {
        for (var index = 0; index < arguments.Count; index++)
        {
            if (arguments[index] == option)
            {
                return index;
            }
        }

        throw new Xunit.Sdk.XunitException($"'{option}' is not among the publish arguments.");
    }

    private static DeploymentSettingsReader Context(Dictionary<string, object> values) => new(key => values.GetValueOrDefault(key));
}
