namespace Orleans.Caching.AspNetCore.Tests.Views.Support;

/// <summary>What the test views return: a new number on every real run, so a repeated body means a cache hit.</summary>
public sealed class ViewCounter
{
    private int _next;

    public int Runs => Volatile.Read(ref _next);

    public string Next() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
