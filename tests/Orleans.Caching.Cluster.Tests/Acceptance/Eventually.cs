namespace Orleans.Caching.Cluster.Tests.Acceptance;

/// <summary>Condition waits with a deadline, for states a cluster reaches on its own (no signal to await).</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        while (!condition())
        {
            try
            {
                await Task.Delay(25, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {limit} waiting until {what}.");
            }
        }
    }
}
