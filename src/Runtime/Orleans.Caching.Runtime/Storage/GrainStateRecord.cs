namespace Orleans.Caching.Runtime;

/// <summary>A grain's persisted state: the value bytes (<see langword="null"/> when there is no record), its expiry, and the ETag storage gave it.</summary>
/// <param name="Value">The value, or <see langword="null"/> if there is no record.</param>
/// <param name="ExpiresAt">When the value expires, or <see langword="null"/> if it never does.</param>
/// <param name="ETag">The version storage assigned on the last read or write; <see langword="null"/> when there is no record.</param>
public readonly record struct GrainStateRecord(byte[]? Value, DateTimeOffset? ExpiresAt, string? ETag)
{
    /// <summary>Gets the record of a grain that has no state.</summary>
    public static GrainStateRecord None => default;

    /// <summary>Gets a value indicating whether storage holds a record.</summary>
    public bool RecordExists => Value is not null;
}
