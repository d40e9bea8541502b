namespace Orleans.Caching.Runtime;

/// <summary>
/// One method call on a grain, as a message body: which method, its arguments, and how to run it on the grain instance.
/// Requests are plain objects in one process and are encoded when they cross the network, so the same request classes
/// serve both. Each grain interface ships one small request class per method (no reflection on the call path).
/// </summary>
public abstract class GrainRequest
{
    /// <summary>Gets the interface method's name, for filters, logs and metrics.</summary>
    public abstract string MethodName { get; }

    /// <summary>Gets a value indicating whether the method only reads state; read-only requests may interleave with each other.</summary>
    public virtual bool IsReadOnly => false;

    /// <summary>Gets a value indicating whether running the request twice has the effect of running it once (clients may retry it after a lost connection).</summary>
    public virtual bool IsIdempotent => IsReadOnly;

    /// <summary>Gets the number of arguments.</summary>
    public virtual int ArgumentCount => 0;

    /// <summary>Gets an argument by position, for filters.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The argument.</returns>
    public virtual object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Gets the grain interface the method belongs to.</summary>
    public abstract Type InterfaceType { get; }

    /// <summary>Runs the request on a grain instance and returns the boxed result; for filters and generic dispatch.</summary>
    /// <param name="grain">The grain instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result, boxed.</returns>
    public abstract ValueTask<object?> InvokeUntypedAsync(object grain, CancellationToken cancellationToken);
}
