using System.Reflection;
using NetArchTest.Rules;
using ShoppingCart.Application.Carts;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure;

namespace ShoppingCart.Architecture.Tests;

/// <summary>The layer rule: Domain depends on nothing; Application only on Domain, Mediator and FluentValidation.</summary>
public class LayerRuleTests
{
    private static readonly Assembly Domain = typeof(Cart).Assembly;
    private static readonly Assembly Application = typeof(CartView).Assembly;
    private static readonly Assembly Infrastructure = typeof(InfrastructureFamily).Assembly;

    [Fact]
    public void Domain_references_no_assembly_but_the_runtime()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).Where(name => !IsRuntime(name));

        Assert.Empty(references);
    }

    [Fact]
    public void Domain_uses_no_type_of_the_other_layers_or_any_library()
    {
        AssertNoDependency(Domain, "ShoppingCart.Application", "ShoppingCart.Infrastructure", "ShoppingCart.Api", "Mediator", "FluentValidation", "Microsoft.Extensions");
    }

    [Fact]
    public void Application_references_only_the_domain_the_mediator_validation_and_extension_abstractions()
    {
        string[] allowed = ["ShoppingCart.Domain", "Mediator", "FluentValidation", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Logging.Abstractions"];

        var references = Application.GetReferencedAssemblies().Select(a => a.Name!).Where(name => !IsRuntime(name) && !allowed.Contains(name));

        Assert.Empty(references);
    }

    [Fact]
    public void Application_uses_no_AWS_SQLite_or_ASP_NET_type()
    {
        AssertNoDependency(Application, "Amazon", "Microsoft.Data.Sqlite", "SQLitePCL", "Microsoft.AspNetCore", "ShoppingCart.Infrastructure", "System.Net.Http");
    }

    [Fact]
    public void Infrastructure_uses_no_ASP_NET_type()
    {
        AssertNoDependency(Infrastructure, "Microsoft.AspNetCore");
    }

    [Fact]
    public void The_rule_checks_really_detect_a_dependency()
    {
        var result = Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny("FluentValidation").GetResult();

        Assert.False(result.IsSuccessful);
    }

    private static void AssertNoDependency(Assembly assembly, params string[] namespaces)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(namespaces).GetResult();

        Assert.True(result.IsSuccessful, $"Types breaking the layer rule: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static bool IsRuntime(string name) => name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal);
}
