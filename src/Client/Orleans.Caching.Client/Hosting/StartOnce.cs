namespace Orleans.Caching;

/// <summary>
/// A runtime an owner starts on first use, at most once, and stops at most once: the shape shared by the embedded silo
/// (<c>Caching:Type = Local</c>) and the cluster client (<c>Caching:Type = Cluster</c>), both started by the first cache built
/// and disposed with the application's services.
/// </summary>
/// <typeparam name="TRuntime">What starting produces.</typeparam>
internal sealed class StartOnce<TRuntime>
    where TRuntime : class
{
    private readonly Lock _gate = new();
    private readonly object _owner;
    private readonly string _notStartedMessage;
    private TRuntime? _runtime;
    private Task? _disposal;

    /// <summary>Initializes a new instance of the <see cref="StartOnce{TRuntime}"/> class.</summary>
    /// <param name="owner">The owner, named in <see cref="ObjectDisposedException"/>s.</param>
    /// <param name="notStartedMessage">The error when <see cref="Current"/> is read before anything started it.</param>
    public StartOnce(object owner, string notStartedMessage)
    {
        _owner = owner;
        _notStartedMessage = notStartedMessage;
    }

    /// <summary>Gets a value indicating whether the runtime has started.</summary>
    public bool IsStarted => Volatile.Read(ref _runtime) is not null;

    /// <summary>Gets the started runtime.</summary>
    /// <exception cref="ObjectDisposedException">The owner was disposed.</exception>
    /// <exception cref="InvalidOperationException">Nothing has started it yet.</exception>
    public TRuntime Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposal) is not null, _owner);
            return Volatile.Read(ref _runtime) ?? throw new InvalidOperationException(_notStartedMessage);
        }
    }

    /// <summary>Returns the runtime, starting it with <paramref name="start"/> if this is the first call (under a lock: one start).</summary>
    /// <param name="start">Starts the runtime; an exception leaves it unstarted and reaches the caller.</param>
    /// <returns>The runtime.</returns>
    /// <exception cref="ObjectDisposedException">The owner was disposed.</exception>
    public TRuntime GetOrStart(Func<TRuntime> start)
    {
        if (Volatile.Read(ref _runtime) is { } running)
        {
            return running;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposal is not null, _owner);
            if (_runtime is null)
            {
                Volatile.Write(ref _runtime, start());
            }

            return _runtime;
        }
    }

    /// <summary>Stops the runtime once (if it started); every call returns the same task, and no start happens afterwards.</summary>
    /// <param name="stop">Stops the runtime.</param>
    /// <returns>A task that completes when the runtime has stopped.</returns>
    public ValueTask DisposeAsync(Func<TRuntime, ValueTask> stop)
    {
        lock (_gate)
        {
            _disposal ??= _runtime is { } runtime ? stop(runtime).AsTask() : Task.CompletedTask;
            return new ValueTask(_disposal);
        }
    }
}
