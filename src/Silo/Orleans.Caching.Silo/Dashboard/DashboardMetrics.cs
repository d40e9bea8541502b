using System.Diagnostics.Metrics;

namespace Orleans.Caching.Silo;

/// <summary>
/// The dashboard's view of the silo's load: publishes the activation count and memory estimate as observable gauges on the
/// <see cref="SiloStatistics.MeterName"/> meter (beside the request counter of <see cref="SiloStatistics"/>), and turns the request
/// counter into a rate between readings. Nothing here runs on the request path.
/// </summary>
internal sealed class DashboardMetrics : IDisposable
{
    /// <summary>The observable gauge of activations on this silo.</summary>
    public const string ActivationsInstrument = "orleans_caching.silo.activations";

    /// <summary>The observable gauge of the activations' estimated memory, in bytes.</summary>
    public const string MemoryInstrument = "orleans_caching.silo.memory";

    private readonly SiloStatistics _statistics;
    private readonly TimeProvider _timeProvider;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Lock _rateLock = new();
    private long _rateTimestamp;
    private long _rateCount;
    private double _lastRate;

    public DashboardMetrics(LocalSilo runtime, SiloStatistics statistics, TimeProvider timeProvider, IMeterFactory? meterFactory = null)
    {
        _statistics = statistics;
        _timeProvider = timeProvider;
        _rateTimestamp = timeProvider.GetTimestamp();
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(SiloStatistics.MeterName) ?? new Meter(SiloStatistics.MeterName);
        _meter.CreateObservableGauge(ActivationsInstrument, () => runtime.ActivationCount, "{activation}", "Activations on this silo.");
        _meter.CreateObservableGauge(MemoryInstrument, () => runtime.EstimatedMemoryBytes, "By", "Estimated memory of this silo's activations.");
    }

    /// <summary>Gets the request rate since the previous reading at least one second ago (closer readings return the last rate).</summary>
    /// <returns>Requests per second.</returns>
    public double GetRequestsPerSecond()
    {
        lock (_rateLock)
        {
            long now = _timeProvider.GetTimestamp();
            TimeSpan elapsed = _timeProvider.GetElapsedTime(_rateTimestamp, now);
            if (elapsed >= TimeSpan.FromSeconds(1))
            {
                long count = _statistics.Requests;
                _lastRate = (count - _rateCount) / elapsed.TotalSeconds;
                _rateCount = count;
                _rateTimestamp = now;
            }

            return _lastRate;
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
