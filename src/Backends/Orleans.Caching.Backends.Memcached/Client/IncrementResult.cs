namespace Orleans.Caching.Memcached.Client;

/// <summary>The outcome of a native increment.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Value">The new value when <see cref="IncrementStatus.Done"/>.</param>
internal readonly record struct IncrementResult(IncrementStatus Status, ulong Value);

/// <summary>What a native increment did.</summary>
internal enum IncrementStatus
{
    /// <summary>The counter was incremented.</summary>
    Done,

    /// <summary>No item has the key.</summary>
    NotFound,

    /// <summary>The item is not an unsigned decimal number (a negative counter, or not a number at all).</summary>
    NonNumeric,
}
