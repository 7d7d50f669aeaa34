namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>A published app ready to start: its folder and the executable to run.</summary>
internal sealed record PublishedApp(string Name, PublishMode Mode, string Directory, string Executable);
