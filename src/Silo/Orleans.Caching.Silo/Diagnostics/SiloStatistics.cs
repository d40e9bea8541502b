using System.Diagnostics.Metrics;

namespace Orleans.Caching.Silo;

/// <summary>
/// A silo's request counters, for the dashboard and for metrics (meter <c>OrleansCaching.Silo</c>, instrument
/// <c>orleans_caching.silo.requests</c>). The request path pays one interlocked increment.
/// </summary>
public sealed class SiloStatistics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "OrleansCaching.Silo";

    private readonly Meter _meter;
    private long _requests;

    /// <summary>Initializes a new instance of the <see cref="SiloStatistics"/> class.</summary>
    /// <param name="meterFactory">Creates the meter; <see langword="null"/> for a private one.</param>
    public SiloStatistics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableCounter("orleans_caching.silo.requests", () => Volatile.Read(ref _requests), "{request}", "Grain requests received over the network.");
    }

    /// <summary>Gets the number of requests received since start.</summary>
    public long Requests => Volatile.Read(ref _requests);

    /// <summary>Counts one request.</summary>
    public void OnRequest() => Interlocked.Increment(ref _requests);

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
