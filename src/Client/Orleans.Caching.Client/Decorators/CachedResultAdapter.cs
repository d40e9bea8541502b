using System.Reflection;

namespace Orleans.Caching;

/// <summary>
/// Turns a <c>cached</c> function's results into stored values and back: <see cref="CachedResponse"/> results store only
/// their value (and give their timeout), generators are drained by <see cref="CachedResultShape"/>.
/// </summary>
internal sealed class CachedResultAdapter
{
    private static readonly MethodInfo s_wrap = typeof(CachedResultAdapter).GetMethod(nameof(Wrap), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly CachedResultShape _shape;
    private readonly Func<object?, CachedResponse>? _rewrap;

    /// <summary>Initializes a new instance of the <see cref="CachedResultAdapter"/> class.</summary>
    /// <param name="resultType">The declared result type (after unwrapping <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>).</param>
    public CachedResultAdapter(Type resultType)
    {
        Type valueType = resultType;
        if (resultType == typeof(CachedResponse))
        {
            valueType = typeof(object);
            _rewrap = value => new CachedResponse(value);
        }
        else if (resultType.IsGenericType && resultType.GetGenericTypeDefinition() == typeof(CachedResponse<>))
        {
            valueType = resultType.GetGenericArguments()[0];
            _rewrap = s_wrap.MakeGenericMethod(valueType).CreateDelegate<Func<object?, CachedResponse>>();
        }

        _shape = CachedResultShape.For(valueType);
    }

    /// <summary>Gets the type stored values are read back as.</summary>
    public Type StorageType => _shape.StorageType;

    /// <summary>Prepares a fresh result for storage.</summary>
    /// <param name="result">The function's result.</param>
    /// <param name="cancellationToken">Cancels draining an async sequence.</param>
    /// <returns>The value to store, the value to return, the value the response filter sees, and the response's own timeout.</returns>
    public async ValueTask<CachedFreshResult> PrepareAsync(object? result, CancellationToken cancellationToken)
    {
        if (_rewrap is not null && result is CachedResponse response)
        {
            object? stored = await _shape.ToStorageAsync(response.Value, cancellationToken).ConfigureAwait(false);
            CachedResponse returned = _shape.IsGenerator ? _rewrap(_shape.FromStorage(stored)) : response;
            return new(stored, returned, response, response.EffectiveTimeout);
        }

        object? value = await _shape.ToStorageAsync(result, cancellationToken).ConfigureAwait(false);
        return _shape.IsGenerator
            ? new(value, _shape.FromStorage(value), value, null)
            : new(value, result, result, null);
    }

    /// <summary>Turns a stored value into what the function's caller expects.</summary>
    /// <param name="stored">The stored value.</param>
    /// <returns>The value to return.</returns>
    public object? FromStorage(object? stored)
    {
        object? value = _shape.FromStorage(stored);
        return _rewrap is null || stored is null ? value : _rewrap(value);
    }

    private static CachedResponse Wrap<T>(object? value) => new CachedResponse<T>(value is null ? default! : (T)value);
}
