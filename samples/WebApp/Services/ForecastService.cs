namespace Orleans.Caching.Samples.WebApp.Services;

/// <summary>The implementation: every call that reaches it is a new computation with a new number.</summary>
public sealed class ForecastService(RenderCounter counter, TimeProvider time) : IForecastService
{
    /// <inheritdoc/>
    public Task<Forecast> GetForecastAsync(string city)
    {
        long computation = counter.Next();
        int temperature = (int)((uint)string.GetHashCode(city, StringComparison.OrdinalIgnoreCase) % 35) - 5;
        return Task.FromResult(new Forecast(city, temperature, computation, time.GetUtcNow()));
    }
}
