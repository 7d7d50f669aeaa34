using System.Text.Json;

namespace ShoppingCart.Deploy.Tests;

/// <summary>
/// The real path a team takes: the CDK CLI from the deploy folder runs the C# app (cdk.json), which publishes both
/// function apps with the local .NET SDK and synthesizes the stack. No AWS account, no network, no Docker.
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class CdkSynthTests(SynthesisFixture fixture)
{
    [Fact]
    public async Task Cdk_synth_in_the_deploy_folder_publishes_both_apps_for_arm64_and_writes_the_stack_template()
    {
        var output = Path.Combine(fixture.ScratchDirectory, "cli-cdk.out");

        var (exitCode, log) = await CdkCli.RunAsync(["synth", "--quiet", "--no-notices", "--output", output], fixture.ScratchDirectory);

        Assert.True(exitCode == 0, $"cdk synth exited with {exitCode}:\n{log}");
        using var template = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "ShoppingCart.template.json")));
        var functions = template.RootElement.GetProperty("Resources").EnumerateObject()
            .Select(resource => resource.Value)
            .Where(resource => resource.GetProperty("Type").GetString() == "AWS::Lambda::Function" &&
                               resource.GetProperty("Properties").GetProperty("Runtime").GetString() == "dotnet10")
            .ToList();
        Assert.Equal(
            ["ShoppingCart.Api", "ShoppingCart.OutboxForwarder"],
            functions.Select(function => function.GetProperty("Properties").GetProperty("Handler").GetString()).Order());

        foreach (var function in functions)
        {
            var handler = function.GetProperty("Properties").GetProperty("Handler").GetString()!;
            var code = Path.Combine(output, function.GetProperty("Metadata").GetProperty("aws:asset:path").GetString()!);

            // The handler names the app's executable, and it is the Linux arm64 apphost the adapter's wrapper starts.
            AssertIsLinuxArm64Executable(Path.Combine(code, handler));
            Assert.True(File.Exists(Path.Combine(code, $"{handler}.dll")), $"{handler}.dll is missing from {code}");
            var runtimeConfig = await File.ReadAllTextAsync(Path.Combine(code, $"{handler}.runtimeconfig.json"));
            Assert.Contains("Microsoft.AspNetCore.App", runtimeConfig, StringComparison.Ordinal);
        }
    }

    private static void AssertIsLinuxArm64Executable(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        var header = new byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
        // ELF e_machine (little-endian, offset 18): 0xB7 is AArch64.
        Assert.Equal(0xB7, BitConverter.ToUInt16(header, 18));
    }
}
