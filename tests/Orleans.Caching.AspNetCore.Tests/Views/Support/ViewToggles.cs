namespace Orleans.Caching.AspNetCore.Tests.Views.Support;

/// <summary>Switches the tests flip to steer the views' callbacks (Flask's module-level flags).</summary>
public sealed class ViewToggles
{
    public bool Forced { get; set; }

    public bool Stale { get; set; }

    public bool Throw { get; set; }

    public object? StaleSeen { get; set; }
}
