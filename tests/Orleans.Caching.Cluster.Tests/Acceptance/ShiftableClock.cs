using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Acceptance;

/// <summary>
/// The silos' clock in the acceptance tests: the real clock (timers, timestamps, membership timings all run in real time) whose wall-clock
/// reading a test can move forward, so entry expiry is tested over the wire without waiting. The offset is what <see cref="Advance"/> added
/// plus how far every followed <see cref="FakeTimeProvider"/> (a facade test's own clock) has moved since it was followed.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<(FakeTimeProvider Clock, DateTimeOffset Start)> _followed = [];
    private TimeSpan _advanced;

    /// <summary>Gets how far the clock is ahead of the real one.</summary>
    public TimeSpan Offset
    {
        get
        {
            lock (_lock)
            {
                TimeSpan offset = _advanced;
                foreach ((FakeTimeProvider clock, DateTimeOffset start) in _followed)
                {
                    offset += clock.GetUtcNow() - start;
                }

                return offset;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;

    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_lock)
        {
            _advanced += delta;
        }
    }

    /// <summary>From now on, every advance of <paramref name="clock"/> also moves this clock.</summary>
    public void Follow(FakeTimeProvider clock)
    {
        lock (_lock)
        {
            _followed.Add((clock, clock.GetUtcNow()));
        }
    }
}
