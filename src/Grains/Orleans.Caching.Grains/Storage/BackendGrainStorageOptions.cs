namespace Orleans.Caching.Grains;

/// <summary>Options of <see cref="BackendGrainStorage"/>.</summary>
public sealed class BackendGrainStorageOptions
{
    /// <summary>Gets or sets a value indicating whether writes and clears re-read the record first and refuse (with
    /// <see cref="Runtime.InconsistentStateException"/>) when storage holds another version than the activation last saw.</summary>
    /// <value><see langword="true"/>. Costs one extra read before and one after each write; turn off for a store no one else writes.</value>
    public bool VerifyETags { get; set; } = true;
}
