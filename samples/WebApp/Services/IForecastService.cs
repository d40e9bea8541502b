namespace Orleans.Caching.Samples.WebApp.Services;

/// <summary>A slow service whose results are memoized by <c>services.AddMemoized&lt;IForecastService, ForecastService&gt;()</c>.</summary>
public interface IForecastService
{
    /// <summary>Computes the forecast of a city; the result is memoized for 60 seconds per city.</summary>
    [Memoize(Timeout = 60)]
    Task<Forecast> GetForecastAsync(string city);
}
