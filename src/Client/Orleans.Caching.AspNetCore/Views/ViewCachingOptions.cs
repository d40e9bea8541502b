namespace Orleans.Caching.AspNetCore;

/// <summary>Application-wide settings of cached views (<c>services.AddOrleansCachingViews(options =&gt; ...)</c>).</summary>
public sealed class ViewCachingOptions
{
    /// <summary>The default <see cref="MaximumBodySize"/>: 1 MiB.</summary>
    public const long DefaultMaximumBodySize = 1024 * 1024;

    /// <summary>Gets or sets the largest body, in bytes, a view caches unless the view says otherwise.</summary>
    /// <value>1 MiB.</value>
    public long MaximumBodySize { get; set; } = DefaultMaximumBodySize;
}
