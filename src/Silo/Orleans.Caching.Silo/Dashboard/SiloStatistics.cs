using System.Diagnostics.Metrics;

namespace Orleans.Caching.Silo;

/// <summary>
/// The silo's counters: the request path calls <see cref="OnRequest"/> (one <see cref="Interlocked.Increment(ref long)"/>), the
/// dashboard reads them, and the <see cref="MeterName"/> meter publishes them (requests, activations, memory estimate) to
/// <c>System.Diagnostics.Metrics</c> listeners such as OpenTelemetry.
/// </summary>
public sealed class SiloStatistics : IDisposable
{
    /// <summary>The name of the silo's <see cref="Meter"/>.</summary>
    public const string MeterName = "OrleansCaching.Silo";

    /// <summary>The observable counter of grain requests this silo received.</summary>
    public const string RequestsInstrument = "orleans.caching.silo.requests";

    /// <summary>The observable gauge of activations on this silo.</summary>
    public const string ActivationsInstrument = "orleans.caching.silo.activations";

    /// <summary>The observable gauge of the activations' estimated memory, in bytes.</summary>
    public const string MemoryInstrument = "orleans.caching.silo.memory";

    private readonly LocalSilo _runtime;
    private readonly TimeProvider _timeProvider;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Lock _rateLock = new();
    private long _requests;
    private long _rateTimestamp;
    private long _rateCount;
    private double _lastRate;

    /// <summary>Initializes a new instance of the <see cref="SiloStatistics"/> class.</summary>
    /// <param name="runtime">The silo's grain runtime (activation count and memory estimate).</param>
    /// <param name="timeProvider">The clock of the request rate.</param>
    /// <param name="meterFactory">Creates the meter (one per host, so silos sharing a process stay apart); <see langword="null"/> creates a plain meter.</param>
    public SiloStatistics(LocalSilo runtime, TimeProvider timeProvider, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _runtime = runtime;
        _timeProvider = timeProvider;
        _rateTimestamp = timeProvider.GetTimestamp();
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableCounter(RequestsInstrument, () => Volatile.Read(ref _requests), "{request}", "Grain requests this silo received.");
        _meter.CreateObservableGauge(ActivationsInstrument, () => _runtime.ActivationCount, "{activation}", "Activations on this silo.");
        _meter.CreateObservableGauge(MemoryInstrument, () => _runtime.EstimatedMemoryBytes, "By", "Estimated memory of this silo's activations.");
    }

    /// <summary>Gets the number of grain requests this silo received since it started.</summary>
    public long Requests => Volatile.Read(ref _requests);

    /// <summary>Gets the number of activations.</summary>
    public int Activations => _runtime.ActivationCount;

    /// <summary>Gets the activations' estimated memory, in bytes.</summary>
    public long EstimatedMemoryBytes => _runtime.EstimatedMemoryBytes;

    /// <summary>Counts one grain request (called on the request path; one interlocked increment).</summary>
    public void OnRequest() => Interlocked.Increment(ref _requests);

    /// <summary>Gets the request rate since the previous reading (at least one second apart; closer readings return the last rate).</summary>
    /// <returns>Requests per second.</returns>
    public double GetRequestsPerSecond()
    {
        lock (_rateLock)
        {
            long now = _timeProvider.GetTimestamp();
            TimeSpan elapsed = _timeProvider.GetElapsedTime(_rateTimestamp, now);
            if (elapsed >= TimeSpan.FromSeconds(1))
            {
                long count = Requests;
                _lastRate = (count - _rateCount) / elapsed.TotalSeconds;
                _rateCount = count;
                _rateTimestamp = now;
            }

            return _lastRate;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
