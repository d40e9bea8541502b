namespace Orleans.Caching.Runtime;

/// <summary>A grain interface whose grains are addressed by a string key (a cache key, a function's version key).</summary>
public interface IGrainWithStringKey : IGrain
{
}
