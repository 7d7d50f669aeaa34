using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Abstractions;

/// <summary>Version 7 GUIDs: unique without coordination, and time-ordered so new carts cluster in indexes.</summary>
public sealed class SequentialGuidCartIdGenerator(TimeProvider clock) : ICartIdGenerator
{
    public CartId NewId() => new(Guid.CreateVersion7(clock.GetUtcNow()));
}
