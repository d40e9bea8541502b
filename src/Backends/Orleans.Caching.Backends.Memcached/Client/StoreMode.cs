namespace Orleans.Caching.Memcached.Client;

/// <summary>How a value is stored.</summary>
internal enum StoreMode
{
    /// <summary>Store unconditionally (or, with a CAS token, only if the item is unchanged).</summary>
    Set,

    /// <summary>Store only if the key holds no live item.</summary>
    Add,
}
