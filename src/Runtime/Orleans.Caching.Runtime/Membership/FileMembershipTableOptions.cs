namespace Orleans.Caching.Runtime;

/// <summary>Options of <see cref="FileMembershipTable"/>.</summary>
public sealed class FileMembershipTableOptions
{
    /// <summary>Gets or sets the path of the table's JSON file; every silo of the cluster names the same file.</summary>
    /// <value>No default; required.</value>
    public string Path { get; set; } = string.Empty;

    /// <summary>Gets or sets how long a mutation waits for the exclusive lock before failing with <see cref="TimeoutException"/>.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
