namespace Orleans.Caching.Tests;

/// <summary>A manually advanced clock for tests: time moves only through <c>Advance</c> and <see cref="SetUtcNow"/>; timers fire as it passes their due time.</summary>
public sealed class FakeTimeProvider : TimeProvider
{
    /// <summary>Flask-Caching's test clock starts at this Unix time.</summary>
    public static readonly DateTimeOffset FlaskEpoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private readonly object _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;

    public FakeTimeProvider()
        : this(FlaskEpoch)
    {
    }

    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    public void Advance(double seconds) => Advance(TimeSpan.FromSeconds(seconds));

    public void SetUtcNow(DateTimeOffset value)
    {
        while (true)
        {
            FakeTimer? due;
            lock (_lock)
            {
                if (value < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "The fake clock never goes backwards.");
                }

                due = _timers.Where(t => t.DueAt <= value).OrderBy(t => t.DueAt).FirstOrDefault();
                if (due is null)
                {
                    _now = value;
                    return;
                }

                _now = due.DueAt;
                due.Reschedule();
            }

            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                DueAt = owner._now + dueTime;
                owner._timers.Add(this);
                return true;
            }
        }

        // Called under the owner's lock.
        public void Reschedule()
        {
            owner._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period;
                owner._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
