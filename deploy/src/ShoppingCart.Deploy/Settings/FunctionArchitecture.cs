namespace ShoppingCart.Deploy.Settings;

/// <summary>The processor the functions run on; the published code, the runtime identifier and the adapter layer follow it.</summary>
internal enum FunctionArchitecture
{
    /// <summary>Graviton: about 20 % cheaper per GB-second than x86_64 for the same work.</summary>
    Arm64,
    X64,
}
