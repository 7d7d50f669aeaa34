using System.Text.Json;
using System.Xml.Linq;

namespace ShoppingCart.Deploy.Tests;

/// <summary>
/// What a fresh clone needs to run <c>npx cdk synth</c> or <c>deploy</c> with no manual step: the CDK app prepares the
/// deploy folder itself, and the NuGet configuration names no source of the machine it was written on.
/// </summary>
public sealed class FreshCloneTests
{
    [Fact]
    public void The_cdk_app_runs_the_idempotent_setup_before_building_so_a_fresh_clone_can_synth()
    {
        using var cdkJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(DeployFolder.Path, "cdk.json")));
        var app = cdkJson.RootElement.GetProperty("app").GetString()!;

        Assert.StartsWith("./setup.sh && dotnet run ", app, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(DeployFolder.Path, "setup.sh")));
    }

    [Fact]
    public void Nuget_config_adds_only_its_own_local_folder_and_maps_no_other_source_by_name()
    {
        var config = XDocument.Load(Path.Combine(DeployFolder.Path, "nuget.config")).Root!;

        var sources = config.Element("packageSources")!.Elements("add").Select(source => (string?)source.Attribute("key")).ToList();
        Assert.Equal(["shopping-cart-local"], sources);
        Assert.Null(config.Element("packageSources")!.Element("clear"));
        // A packageSourceMapping must name every source, including the machine's own (nuget.org here, anything elsewhere).
        Assert.Null(config.Element("packageSourceMapping"));
    }
}
