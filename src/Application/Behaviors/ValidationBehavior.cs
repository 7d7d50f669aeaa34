using FluentValidation;
using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Behaviors;

/// <summary>
/// Runs every FluentValidation validator of a message before its handler; on failure the handler never runs and the
/// caller gets a <see cref="ErrorKind.Validation"/> error with all field messages at once.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var fields = failures
            .GroupBy(f => JsonPath(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var error = new Error(ErrorKind.Validation, failures[0].ErrorCode ?? "validation", "The request is invalid; see the field errors.")
        {
            FieldErrors = fields,
        };
        return TResponse.Failure(error);
    }

    /// <summary>"Items[0].Sku" → "items[0].sku": the path as the client wrote it in JSON.</summary>
    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
