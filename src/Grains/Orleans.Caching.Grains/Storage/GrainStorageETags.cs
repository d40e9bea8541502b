namespace Orleans.Caching.Grains;

/// <summary>ETag conventions the grain storages of this project share.</summary>
public static class GrainStorageETags
{
    /// <summary>An expected ETag that matches any stored version: the write or clear overwrites whatever storage holds (last writer wins).
    /// <see cref="WriteBehindGrainStorage"/> flushes with it when it does not know the stored version.</summary>
    public const string Any = "*";
}
