namespace ShoppingCart.Benchmarks.Service;

/// <summary>CPU time a process has used so far, in user mode and in the kernel (system calls, page faults, I/O).</summary>
internal readonly record struct ProcessorTimes(TimeSpan User, TimeSpan Kernel);
