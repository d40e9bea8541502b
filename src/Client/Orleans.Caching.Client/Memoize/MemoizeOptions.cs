namespace Orleans.Caching;

/// <summary>
/// Options of <see cref="Cache.Memoize{TDelegate}(TDelegate, MemoizeOptions?)"/> (the parameters of Flask-Caching's
/// <c>@cache.memoize(...)</c>). Callbacks count only when they return <see langword="true"/>.
/// </summary>
public sealed class MemoizeOptions
{
    /// <summary>Gets or sets the time-to-live of memoized results (<c>timeout</c>); copied into
    /// <see cref="MemoizedFunction{TDelegate}.CacheTimeout"/>, which is read at call time.</summary>
    /// <value><see langword="null"/>: the backend's default timeout.</value>
    public CacheTimeout? Timeout { get; set; }

    /// <summary>Gets or sets a function that turns the function name into the name hashed into keys (<c>make_name</c>).
    /// It changes only the hash input, never the names of the version keys.</summary>
    /// <value><see langword="null"/>: the function name is used as it is.</value>
    public Func<string, string>? MakeName { get; set; }

    /// <summary>Gets or sets a callback that, when it returns <see langword="true"/>, makes the call bypass the cache entirely:
    /// the function runs, nothing is read or written and no signal is raised (<c>unless</c>).</summary>
    /// <value><see langword="null"/>.</value>
    public Func<CacheInvocation, bool>? Unless { get; set; }

    /// <summary>Gets or sets a callback evaluated once per call, before the key is built; <see langword="true"/> recomputes the
    /// value and stores it without reading the cache (<c>forced_update</c>).</summary>
    /// <value><see langword="null"/>.</value>
    public Func<CacheInvocation, bool>? ForcedUpdate { get; set; }

    /// <summary>Gets or sets a callback that receives a cached value (first) and the call on every hit; <see langword="true"/>
    /// treats the hit as a miss and recomputes (<c>is_stale</c>). Never called on misses or forced updates.</summary>
    /// <value><see langword="null"/>.</value>
    public Func<object?, CacheInvocation, bool>? IsStale { get; set; }

    /// <summary>Gets or sets a callback that receives a freshly computed value (a drained generator is already joined) and
    /// decides whether it is stored: <see langword="false"/> returns it without caching (<c>response_filter</c>).</summary>
    /// <value><see langword="null"/>: every value is stored.</value>
    public Func<object?, bool>? ResponseFilter { get; set; }

    /// <summary>Gets or sets the hash method for keys (<c>hash_method</c>).</summary>
    /// <value><see langword="null"/>: <see cref="Cache.HashMethod"/>, read each time a key is built.</value>
    public CacheHashMethod? HashMethod { get; set; }

    /// <summary>Gets or sets a value indicating whether a <see langword="null"/> result is cached (<c>cache_none</c>). When on, a
    /// stored <see langword="null"/> is told from a miss with <see cref="Cache.HasAsync(string, CancellationToken)"/>.</summary>
    /// <value><see langword="false"/>: <see langword="null"/> results are recomputed on every call.</value>
    public bool CacheNone { get; set; }

    /// <summary>Gets or sets a value indicating whether a fingerprint of the method (its IL body and signature) is folded into
    /// keys, so a changed body gets new keys and an identical body the same ones (<c>source_check</c>).</summary>
    /// <value><see langword="null"/>: <see cref="CacheOptions.SourceCheck"/>.</value>
    public bool? SourceCheck { get; set; }

    /// <summary>Gets or sets parameter names whose values are left out of keys (<c>args_to_ignore</c>); each still takes its
    /// slot, as <c>None</c>. Ignoring <c>"self"</c> makes all instances share entries and drops the per-instance version.</summary>
    /// <value><see langword="null"/>.</value>
    public IReadOnlyCollection<string>? ArgsToIgnore { get; set; }

    /// <summary>Gets or sets how long the caller that computes a missing entry holds the single-flight lease when the cache is
    /// grain-backed (<c>Local</c>, <c>Cluster</c>): concurrent callers of the same arguments wait for that caller's value instead of
    /// running the function too. If the lease runs out before a value is stored, the waiters are released and one of them computes.</summary>
    /// <value>30 seconds. Ignored in direct mode (other backends have no single-flight).</value>
    /// <remarks>Set it above the function's longest expected run: a shorter lease lets a second caller start while the first is still
    /// computing; a longer one only matters when the computing process dies (its waiters then wait the whole lease).</remarks>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the function name used for keys and version keys instead of the derived one.</summary>
    /// <value><see langword="null"/>: the declaring type's full name (nested types joined with <c>.</c>), a dot and the method
    /// name, with every character outside <c>[A-Za-z0-9_.]</c> (within Latin-1) removed.</value>
    /// <remarks>
    /// Set it for lambdas and local functions: their derived names are the compiler's (such as
    /// <c>MyApp.Service.c.Load_b__3_0</c>), stable for one build but changed by unrelated edits to the enclosing type, which
    /// orphans their cache entries. The same character filter is applied to the given name.
    /// </remarks>
    public string? Name { get; set; }

    /// <summary>Returns a shallow copy (a named policy is copied before an attribute's properties are applied).</summary>
    /// <returns>The copy.</returns>
    internal MemoizeOptions Clone() => (MemoizeOptions)MemberwiseClone();
}
