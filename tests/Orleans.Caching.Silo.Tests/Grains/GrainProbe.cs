using System.Collections.Concurrent;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Infrastructure;

namespace Orleans.Caching.Silo.Tests.Grains;

/// <summary>What <see cref="ProbeGrain"/>s report and how tests steer their activation.</summary>
public sealed class GrainProbe
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<GrainId, int> _activations = new();
    private readonly List<Deactivation> _deactivations = [];
    private readonly List<(Func<Deactivation, bool> Match, TaskCompletionSource<Deactivation> Signal)> _waiters = [];
    private int _activationNumber;

    public TestGate? ActivationGate { get; set; }

    public Func<GrainId, Exception?>? ActivationFailure { get; set; }

    public bool LoadState { get; set; }

    public IReadOnlyList<Deactivation> Deactivations
    {
        get
        {
            lock (_deactivations)
            {
                return [.. _deactivations];
            }
        }
    }

    public int NextActivationNumber() => Interlocked.Increment(ref _activationNumber);

    public int ActivationsOf(string key) => _activations.TryGetValue(GrainId.Create(ProbeGrain.GrainType.Name, key), out int count) ? count : 0;

    public void RecordActivation(GrainId grainId) => _activations.AddOrUpdate(grainId, 1, static (_, count) => count + 1);

    public void RecordDeactivation(GrainId grainId, DeactivationReason reason, int activationNumber)
    {
        var deactivation = new Deactivation(grainId.Key, reason, activationNumber);
        lock (_deactivations)
        {
            _deactivations.Add(deactivation);
            foreach (var waiter in _waiters.Where(w => w.Match(deactivation)).ToList())
            {
                waiter.Signal.TrySetResult(deactivation);
                _waiters.Remove(waiter);
            }
        }
    }

    public Task<Deactivation> WaitForDeactivationAsync(string key)
    {
        lock (_deactivations)
        {
            var done = _deactivations.FirstOrDefault(d => d.Key == key);
            if (done is not null)
            {
                return Task.FromResult(done);
            }

            var signal = new TaskCompletionSource<Deactivation>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((d => d.Key == key, signal));
            return signal.Task.WaitAsync(s_safety);
        }
    }
}

public sealed record Deactivation(string Key, DeactivationReason Reason, int ActivationNumber);
