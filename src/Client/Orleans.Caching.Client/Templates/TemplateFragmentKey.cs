namespace Orleans.Caching;

/// <summary>Keys of cached template fragments (Flask-Caching's <c>make_template_fragment_key</c>), shared by the Razor tag helper.</summary>
public static class TemplateFragmentKey
{
    /// <summary>The prefix of every fragment key.</summary>
    public const string Prefix = "_template_fragment_cache_";

    /// <summary>Makes the key of a fragment: <c>_template_fragment_cache_</c> + name, then <c>_</c> + the vary-on values joined by <c>_</c> when there are any.</summary>
    /// <param name="fragmentName">The fragment's name.</param>
    /// <param name="varyOn">Values the fragment varies on, written with the invariant culture (<see langword="null"/> as <c>None</c>, as Python writes it).</param>
    /// <returns>The key, such as <c>_template_fragment_cache_sidebar_en_42</c>.</returns>
    public static string Make(string fragmentName, params object?[] varyOn)
    {
        ArgumentNullException.ThrowIfNull(fragmentName);
        if (varyOn is null || varyOn.Length == 0)
        {
            return Prefix + fragmentName;
        }

        return Prefix + fragmentName + "_" + string.Join("_", varyOn.Select(CachedQueryArguments.Stringify));
    }
}
