namespace ShoppingCart.OutboxForwarder.Tests.Support;

/// <summary>The AWS sample events copied into this project's Fixtures folder.</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
