using System.Diagnostics.CodeAnalysis;

namespace ShoppingCart.Domain;

/// <summary>The outcome of an operation that produces a value: the value, or an expected <see cref="Error"/>.</summary>
#pragma warning disable CA1000 // static factories on a generic result are the point of the type
public readonly record struct Result<T> : IFailable<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; reading it from a failed result is a programming error.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"A failed result has no value ({Error.Code}).");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
#pragma warning restore CA1000
