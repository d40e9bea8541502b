namespace Orleans.Caching;

/// <summary>Awaits grain calls started together, without allocating tasks when they all completed synchronously.</summary>
internal static class GrainCalls
{
    /// <summary>Waits for every call and returns their results in order.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="calls">The started calls; each is awaited exactly once.</param>
    /// <returns>The results, in the order of <paramref name="calls"/>.</returns>
    public static ValueTask<IReadOnlyList<T>> WhenAllAsync<T>(ValueTask<T>[] calls)
    {
        for (int i = 0; i < calls.Length; i++)
        {
            if (!calls[i].IsCompletedSuccessfully)
            {
                return AwaitAllAsync(calls);
            }
        }

        var results = new T[calls.Length];
        for (int i = 0; i < calls.Length; i++)
        {
            results[i] = calls[i].Result;
        }

        return new ValueTask<IReadOnlyList<T>>(results);
    }

    private static async ValueTask<IReadOnlyList<T>> AwaitAllAsync<T>(ValueTask<T>[] calls)
    {
        var tasks = new Task<T>[calls.Length];
        for (int i = 0; i < calls.Length; i++)
        {
            tasks[i] = calls[i].AsTask();
        }

        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
