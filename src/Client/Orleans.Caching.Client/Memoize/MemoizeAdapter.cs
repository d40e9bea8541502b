namespace Orleans.Caching;

/// <summary>Converts between a memoized function's declared result (<typeparamref name="T"/>, <c>Task&lt;T&gt;</c>,
/// <c>ValueTask&lt;T&gt;</c>) and the engine's <c>ValueTask&lt;object?&gt;</c>. Called from compiled expression trees.</summary>
/// <typeparam name="T">The result type.</typeparam>
internal static class MemoizeAdapter<T>
{
    public static ValueTask<object?> FromValue(T value) => new(value);

    public static ValueTask<object?> FromTask(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? new(task.Result) : AwaitTask(task);
    }

    public static ValueTask<object?> FromValueTask(ValueTask<T> task)
        => task.IsCompletedSuccessfully ? new(task.Result) : AwaitValueTask(task);

    public static T ToValue(ValueTask<object?> pending)
        => Cast(pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult());

    public static Task<T> ToTask(ValueTask<object?> pending)
        => pending.IsCompletedSuccessfully ? Task.FromResult(Cast(pending.Result)) : AwaitAsTask(pending);

    public static ValueTask<T> ToValueTask(ValueTask<object?> pending)
        => pending.IsCompletedSuccessfully ? new(Cast(pending.Result)) : new(AwaitAsTask(pending));

    private static T Cast(object? value) => value is null ? default! : (T)value;

    private static async ValueTask<object?> AwaitTask(Task<T> task) => await task.ConfigureAwait(false);

    private static async ValueTask<object?> AwaitValueTask(ValueTask<T> task) => await task.ConfigureAwait(false);

    private static async Task<T> AwaitAsTask(ValueTask<object?> pending) => Cast(await pending.ConfigureAwait(false));
}
