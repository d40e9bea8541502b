namespace Orleans.Caching.Memcached.Client;

/// <summary>The outcome of a store.</summary>
internal enum StoreResult
{
    /// <summary>The value was stored.</summary>
    Stored,

    /// <summary>An add found a live item.</summary>
    NotStored,

    /// <summary>A CAS store found the item changed since it was read.</summary>
    Exists,

    /// <summary>A CAS store found no item.</summary>
    NotFound,

    /// <summary>The server refused the item as larger than its item size limit (and, memcached being so, dropped any old value of a <c>set</c>).</summary>
    TooLarge,
}
