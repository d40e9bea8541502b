namespace Orleans.Caching.Samples.WebApp.Services;

/// <summary>A computed forecast: what the memoized service returns (cached as JSON).</summary>
/// <param name="City">The city.</param>
/// <param name="TemperatureC">The temperature.</param>
/// <param name="Computation">The number of the computation that produced it.</param>
/// <param name="ComputedAt">When it was computed.</param>
public sealed record Forecast(string City, int TemperatureC, long Computation, DateTimeOffset ComputedAt);
