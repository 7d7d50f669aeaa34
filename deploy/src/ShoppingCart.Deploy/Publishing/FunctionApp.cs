namespace ShoppingCart.Deploy.Publishing;

/// <summary>
/// One of the service's two ASP.NET Core apps that run on Lambda. Under the Lambda Web Adapter the function's handler is
/// the app's executable, which the publish output names after the project.
/// </summary>
internal sealed record FunctionApp(string Name, string ProjectPath)
{
    public static FunctionApp Api { get; } = new("ShoppingCart.Api", "src/Functions/ShoppingCart.Api/ShoppingCart.Api.csproj");

    public static FunctionApp OutboxForwarder { get; } =
        new("ShoppingCart.OutboxForwarder", "src/Functions/ShoppingCart.OutboxForwarder/ShoppingCart.OutboxForwarder.csproj");

    public string Executable => Name;
}
