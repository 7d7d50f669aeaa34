using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Behaviors;
using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.AddItems;
using ShoppingCart.Application.Carts.CreateCart;
using ShoppingCart.Application.Carts.ListCarts;
using ShoppingCart.Application.Carts.RemoveItems;
using ShoppingCart.Application.Operations;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the cart use cases (source-generated mediator with validation), the forwarding use case and the
    /// default clock and id source. Hosts add the adapters for <see cref="ICartStore"/>, <see cref="IEventPublisher"/>
    /// and <see cref="IDeadLetterQueue"/>.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddOutboxForwarding();
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(CreateCartCommand)];
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });

        // Explicit registrations instead of assembly scanning: trim-safe, and the list reads as documentation.
        services.AddSingleton<IValidator<CreateCartCommand>, CreateCartValidator>();
        services.AddSingleton<IValidator<AddItemsCommand>, AddItemsValidator>();
        services.AddSingleton<IValidator<RemoveItemsCommand>, RemoveItemsValidator>();
        services.AddSingleton<IValidator<ListCartsQuery>, ListCartsValidator>();

        services.TryAddSingleton<ICartIdGenerator, SequentialGuidCartIdGenerator>();
        services.AddSingleton<CartTurns>();
        services.AddScoped<CartReader>();
        services.AddScoped<CartWriter>();
        services.AddScoped<CartUpdater>();
        return services;
    }

    /// <summary>
    /// Registers only the forwarding use case (and the clock): what a relay needs, without the cart use cases and
    /// their cart store. The Lambda forwarder uses this alone; <see cref="AddApplication"/> includes it.
    /// </summary>
    public static IServiceCollection AddOutboxForwarding(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<OutboxBatchForwarder>();
        return services;
    }

    /// <summary>
    /// The operator's use cases (list and replay dead letters, republish from the outbox, status) over the forwarding use
    /// case. Hosts add the adapters for <see cref="IDeadLetterStore"/>, <see cref="IOutboxHistory"/>,
    /// <see cref="IOutboxStatusSource"/> and <see cref="IEventPublisher"/>.
    /// </summary>
    public static IServiceCollection AddOutboxOperations(this IServiceCollection services)
    {
        services.AddOutboxForwarding();
        services.TryAddScoped<OrderedForwarding>();
        services.TryAddScoped<ListDeadLetters>();
        services.TryAddScoped<ReplayDeadLetters>();
        services.TryAddScoped<RepublishOutbox>();
        services.TryAddScoped<ReadOutboxStatus>();
        return services;
    }
}
