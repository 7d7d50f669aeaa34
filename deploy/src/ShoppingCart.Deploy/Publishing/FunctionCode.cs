namespace ShoppingCart.Deploy.Publishing;

/// <summary>The folders whose contents become the two functions' code: <c>dotnet publish</c> output of each app.</summary>
internal sealed record FunctionCode(string ApiDirectory, string ForwarderDirectory);
