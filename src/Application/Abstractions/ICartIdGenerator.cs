using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Abstractions;

/// <summary>The source of new cart ids (a port so tests can make them predictable).</summary>
public interface ICartIdGenerator
{
    CartId NewId();
}
