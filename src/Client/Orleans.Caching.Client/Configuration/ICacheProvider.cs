namespace Orleans.Caching;

/// <summary>Gives access to the default cache and to the named instances configured under <c>Caching:Instances</c> or with
/// <c>OrleansCachingBuilder.AddCache</c>; each instance has its own backend.</summary>
/// <remarks>Named instances are also keyed services: <c>[FromKeyedServices("name")] Cache</c>.</remarks>
public interface ICacheProvider
{
    /// <summary>Gets the names of the named instances.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Gets a cache, building it (and its backend) on first use.</summary>
    /// <param name="name">An instance name; empty for the default cache.</param>
    /// <returns>The cache; the same object on every call.</returns>
    /// <exception cref="CacheConfigurationException">No instance has that name, or its configuration is invalid.</exception>
    Cache GetCache(string name);
}
