namespace Orleans.Caching.Silo.Tests.Grains;

/// <summary>Counts scheduler violations seen by test grains.</summary>
public sealed class TurnMonitor
{
    private int _overlaps;

    public int Overlaps => Volatile.Read(ref _overlaps);

    public void RecordOverlap() => Interlocked.Increment(ref _overlaps);
}
