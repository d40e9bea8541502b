using System.Collections.Frozen;

namespace Orleans.Caching;

/// <summary>The <see cref="MemoizeAttribute"/> methods of one grain interface by name, built once per interface; most interfaces
/// (the cache's own grains among them) have none and share <see cref="Empty"/>.</summary>
internal sealed class GrainMemoizePlan
{
    private readonly FrozenDictionary<string, InterceptedMethod> _byName;

    private GrainMemoizePlan(FrozenDictionary<string, InterceptedMethod> byName)
    {
        _byName = byName;
    }

    /// <summary>Gets the plan of an interface without memoized methods.</summary>
    public static GrainMemoizePlan Empty { get; } = new(FrozenDictionary<string, InterceptedMethod>.Empty);

    /// <summary>Gets a value indicating whether no method is memoized.</summary>
    public bool IsEmpty => _byName.Count == 0;

    /// <summary>Gets the memoized methods.</summary>
    public IEnumerable<InterceptedMethod> Methods => _byName.Values;

    /// <summary>Builds the plan of a grain interface.</summary>
    /// <param name="grainInterface">The interface.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="InvalidOperationException">A memoized method cannot be cached (see <see cref="InterceptionPlan.ForGrainInterface"/>).</exception>
    public static GrainMemoizePlan For(Type grainInterface)
    {
        IReadOnlyList<InterceptedMethod> methods = InterceptionPlan.ForGrainInterface(grainInterface);
        return methods.Count == 0 ? Empty : new GrainMemoizePlan(methods.ToFrozenDictionary(m => m.Implementation.Name, StringComparer.Ordinal));
    }

    /// <summary>Finds the memoized method a request names.</summary>
    /// <param name="methodName">The request's method name.</param>
    /// <param name="method">The method.</param>
    /// <returns><see langword="true"/> if the method is memoized.</returns>
    public bool TryGet(string methodName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InterceptedMethod? method)
        => _byName.TryGetValue(methodName, out method);
}
