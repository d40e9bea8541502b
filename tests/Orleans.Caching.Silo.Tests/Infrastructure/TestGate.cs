namespace Orleans.Caching.Silo.Tests.Infrastructure;

/// <summary>A gate grain code waits at until the test opens it; records how many callers entered and how many are inside at once.</summary>
public sealed class TestGate
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(20);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _entered;
    private int _inside;
    private int _maxInside;

    public int Entered => Volatile.Read(ref _entered);

    public int MaxInside => Volatile.Read(ref _maxInside);

    public async Task PassAsync(CancellationToken cancellationToken = default)
    {
        lock (_waiters)
        {
            _entered++;
            _inside++;
            _maxInside = Math.Max(_maxInside, _inside);
            foreach (var waiter in _waiters.Where(w => w.Count <= _entered).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        try
        {
            await _open.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_waiters)
            {
                _inside--;
            }
        }
    }

    public Task WaitForEnteredAsync(int count = 1)
    {
        lock (_waiters)
        {
            if (_entered >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(s_safety);
        }
    }

    public void Open() => _open.TrySetResult();
}
