using Microsoft.Extensions.Logging;

namespace Orleans.Caching;

public partial class Cache
{
    /// <summary>Raised when a <c>cached</c> or <c>memoize</c> call is answered from the cache, if <see cref="CacheOptions.EnableSignals"/> is on.</summary>
    public event EventHandler<CacheSignalEventArgs>? Hit;

    /// <summary>Raised when a <c>cached</c> or <c>memoize</c> call runs the function (a forced update or a stale value counts), if <see cref="CacheOptions.EnableSignals"/> is on.</summary>
    public event EventHandler<CacheSignalEventArgs>? Miss;

    /// <summary>Gets the logger the decorators write to.</summary>
    internal ILogger DecoratorLogger => Logger;

    /// <summary>Counts a decorator hit and raises <see cref="Hit"/> when signals are on.</summary>
    /// <param name="kind">The decorator.</param>
    /// <param name="cacheKey">The key.</param>
    /// <param name="invocation">The call.</param>
    internal void OnDecoratorHit(CacheSignalKind kind, string cacheKey, CacheInvocation invocation)
    {
        OrleansCachingDiagnostics.Hits.Add(1, OrleansCachingDiagnostics.Tag(kind));
        if (Options.EnableSignals)
        {
            Hit?.Invoke(this, new CacheSignalEventArgs(kind, cacheKey, invocation));
        }
    }

    /// <summary>Counts a decorator miss and raises <see cref="Miss"/> when signals are on.</summary>
    /// <param name="kind">The decorator.</param>
    /// <param name="cacheKey">The key.</param>
    /// <param name="invocation">The call.</param>
    internal void OnDecoratorMiss(CacheSignalKind kind, string cacheKey, CacheInvocation invocation)
    {
        OrleansCachingDiagnostics.Misses.Add(1, OrleansCachingDiagnostics.Tag(kind));
        if (Options.EnableSignals)
        {
            Miss?.Invoke(this, new CacheSignalEventArgs(kind, cacheKey, invocation));
        }
    }

    /// <summary>
    /// The decorators' failure policy (Flask-Caching's): in <see cref="CacheOptions.Debug"/> mode the failure is rethrown;
    /// otherwise it is logged and counted, and the caller runs the function uncached. The function's own exceptions never come here.
    /// </summary>
    /// <param name="kind">The decorator.</param>
    /// <param name="exception">The failure of the backend, serializer or a callback.</param>
    /// <param name="operation">What was being done (<c>get</c>, <c>set</c>, <c>forced_update</c>...).</param>
    /// <param name="cacheKey">The key, if known.</param>
    internal void OnDecoratorFailure(CacheSignalKind kind, Exception exception, string operation, string? cacheKey)
    {
        if (Options.Debug)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
        }

        OrleansCachingDiagnostics.Errors.Add(1, OrleansCachingDiagnostics.Tag(kind));
        Log.DecoratorCacheFailure(Logger, exception, operation, cacheKey);
    }
}
