namespace Orleans.Caching.Grains;

/// <summary>The wire method ids of the cache grains (stable across versions: never reuse or renumber an id).</summary>
public static class CacheGrainMethodIds
{
    /// <summary><see cref="ICacheEntryGrain.GetAsync"/>.</summary>
    public const ushort EntryGet = 1;

    /// <summary><see cref="ICacheEntryGrain.GetEntryAsync"/>.</summary>
    public const ushort EntryGetEntry = 2;

    /// <summary><see cref="ICacheEntryGrain.HasAsync"/>.</summary>
    public const ushort EntryHas = 3;

    /// <summary><see cref="ICacheEntryGrain.SetAsync"/>.</summary>
    public const ushort EntrySet = 4;

    /// <summary><see cref="ICacheEntryGrain.AddAsync"/>.</summary>
    public const ushort EntryAdd = 5;

    /// <summary><see cref="ICacheEntryGrain.DeleteAsync"/>.</summary>
    public const ushort EntryDelete = 6;

    /// <summary><see cref="ICacheEntryGrain.IncrementAsync"/>.</summary>
    public const ushort EntryIncrement = 7;

    /// <summary><see cref="ICacheEntryGrain.TouchAsync"/>.</summary>
    public const ushort EntryTouch = 8;

    /// <summary><see cref="ICacheEntryGrain.GetOrLeaseAsync"/>.</summary>
    public const ushort EntryGetOrLease = 9;

    /// <summary><see cref="ICacheEntryGrain.ReleaseLeaseAsync"/>.</summary>
    public const ushort EntryReleaseLease = 10;

    /// <summary><see cref="IMemoizeVersionGrain.GetOrCreateAsync"/>.</summary>
    public const ushort VersionGetOrCreate = 101;

    /// <summary><see cref="IMemoizeVersionGrain.ResetAsync"/>.</summary>
    public const ushort VersionReset = 102;

    /// <summary><see cref="IMemoizeVersionGrain.DeleteAsync"/>.</summary>
    public const ushort VersionDelete = 103;

    /// <summary><see cref="IMemoizeVersionGrain.RefreshAsync"/>.</summary>
    public const ushort VersionRefresh = 104;

    /// <summary><see cref="ICacheClusterControl.GetManyAsync"/>.</summary>
    public const ushort ControlGetMany = 201;

    /// <summary><see cref="ICacheClusterControl.SetManyAsync"/>.</summary>
    public const ushort ControlSetMany = 202;

    /// <summary><see cref="ICacheClusterControl.DeleteManyAsync"/>.</summary>
    public const ushort ControlDeleteMany = 203;

    /// <summary><see cref="ICacheClusterControl.ClearAsync"/>.</summary>
    public const ushort ControlClear = 204;
}
