namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>How an app is published for the cold-start comparison.</summary>
internal enum PublishMode
{
    /// <summary>Framework-dependent IL, compiled by the JIT at run time: a plain <c>dotnet publish</c>.</summary>
    Jit,

    /// <summary>Framework-dependent for linux-x64 with ReadyToRun code (<c>-p:PublishReadyToRun=true</c>).</summary>
    ReadyToRun,

    /// <summary>A self-contained native executable (<c>-p:PublishAot=true</c>).</summary>
    NativeAot,
}
