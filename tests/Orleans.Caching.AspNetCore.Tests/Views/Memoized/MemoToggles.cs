namespace Orleans.Caching.AspNetCore.Tests.Views.Memoized;

/// <summary>Switches the memoized-view tests flip to steer the views' callbacks.</summary>
public sealed class MemoToggles
{
    public bool Unless { get; set; }

    public bool Forced { get; set; }

    public bool Stale { get; set; }

    public object? StaleSeen { get; set; }
}
