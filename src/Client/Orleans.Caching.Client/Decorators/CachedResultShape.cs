using System.Reflection;

namespace Orleans.Caching;

/// <summary>
/// How a decorated function's result is stored. Flask-Caching drains generators before caching: all strings become one
/// string, all byte chunks one byte string, anything else a list. Here a function declared to return
/// <see cref="IEnumerable{T}"/> or <see cref="IAsyncEnumerable{T}"/> (the interface itself, not a concrete collection) is
/// treated as a generator: <c>string</c> items are joined, <c>byte[]</c> items concatenated, other items kept as a
/// <see cref="List{T}"/>; on the way out the stored value is handed back as a sequence of the declared type.
/// Every other result is stored as it is.
/// </summary>
internal sealed class CachedResultShape
{
    private static readonly MethodInfo s_drainAsync = typeof(CachedResultShape).GetMethod(nameof(DrainAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_drain = typeof(CachedResultShape).GetMethod(nameof(Drain), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_replayAsync = typeof(CachedResultShape).GetMethod(nameof(ReplayAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<object, CancellationToken, ValueTask<object?>>? _toStorage;
    private readonly Func<object, object?>? _fromStorage;

    private CachedResultShape(Type resultType, Type storageType, Func<object, CancellationToken, ValueTask<object?>>? toStorage, Func<object, object?>? fromStorage)
    {
        ResultType = resultType;
        StorageType = storageType;
        _toStorage = toStorage;
        _fromStorage = fromStorage;
    }

    /// <summary>Gets the type the function declares it returns (after unwrapping <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>).</summary>
    public Type ResultType { get; }

    /// <summary>Gets the type the value is serialized and deserialized as.</summary>
    public Type StorageType { get; }

    /// <summary>Gets a value indicating whether results are drained generators.</summary>
    public bool IsGenerator => _toStorage is not null;

    /// <summary>Works out the shape for a declared result type.</summary>
    /// <param name="resultType">The declared result type.</param>
    /// <returns>The shape.</returns>
    public static CachedResultShape For(Type resultType)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        if (resultType.IsInterface && resultType.IsGenericType)
        {
            Type definition = resultType.GetGenericTypeDefinition();
            Type item = resultType.GetGenericArguments()[0];
            Type storage = item == typeof(string) ? typeof(string) : item == typeof(byte[]) ? typeof(byte[]) : typeof(List<>).MakeGenericType(item);
            if (definition == typeof(IAsyncEnumerable<>))
            {
                var drain = s_drainAsync.MakeGenericMethod(item).CreateDelegate<Func<object, CancellationToken, ValueTask<object?>>>();
                var replay = s_replayAsync.MakeGenericMethod(item).CreateDelegate<Func<object, object?>>();
                return new(resultType, storage, drain, replay);
            }

            if (definition == typeof(IEnumerable<>))
            {
                var drain = s_drain.MakeGenericMethod(item).CreateDelegate<Func<object, object?>>();
                return new(resultType, storage, (r, _) => ValueTask.FromResult(drain(r)), stored => ToSequence(item, stored));
            }
        }

        return new(resultType, resultType, null, null);
    }

    /// <summary>Turns a fresh result into the value to store (draining generators).</summary>
    /// <param name="result">The function's result.</param>
    /// <param name="cancellationToken">Cancels draining an async sequence.</param>
    /// <returns>The value to store.</returns>
    public ValueTask<object?> ToStorageAsync(object? result, CancellationToken cancellationToken)
        => _toStorage is null || result is null ? ValueTask.FromResult(result) : _toStorage(result, cancellationToken);

    /// <summary>Turns a stored (or freshly drained) value back into what the function's caller expects.</summary>
    /// <param name="stored">The stored value.</param>
    /// <returns>The value to return.</returns>
    public object? FromStorage(object? stored) => _fromStorage is null || stored is null ? stored : _fromStorage(stored);

    private static object? Drain<T>(object result) => Join(((IEnumerable<T>)result).ToList());

    private static async ValueTask<object?> DrainAsync<T>(object result, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (T item in ((IAsyncEnumerable<T>)result).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return Join(items);
    }

    private static object Join<T>(List<T> items) => items switch
    {
        List<string> strings => string.Concat(strings),
        List<byte[]> chunks => Concat(chunks),
        _ => items,
    };

    private static byte[] Concat(List<byte[]> chunks)
    {
        var buffer = new byte[chunks.Sum(c => c.Length)];
        int offset = 0;
        foreach (byte[] chunk in chunks)
        {
            chunk.CopyTo(buffer, offset);
            offset += chunk.Length;
        }

        return buffer;
    }

    private static object ToSequence(Type item, object stored)
    {
        if (stored is string text && item == typeof(string))
        {
            return new[] { text };
        }

        if (stored is byte[] bytes && item == typeof(byte[]))
        {
            return new[] { bytes };
        }

        return stored;
    }

    private static object? ReplayAsync<T>(object stored) => Replay((IEnumerable<T>)ToSequence(typeof(T), stored));

    private static async IAsyncEnumerable<T> Replay<T>(IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
