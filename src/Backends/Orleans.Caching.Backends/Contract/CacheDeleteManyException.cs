namespace Orleans.Caching;

/// <summary>
/// Raised by <c>delete_many</c> when some keys still exist afterwards and errors are not ignored
/// (Flask-Caching 2.5's <c>RuntimeError("Failed to delete keys: [...]")</c>).
/// </summary>
public sealed class CacheDeleteManyException : CacheException
{
    /// <summary>Initializes a new instance of the <see cref="CacheDeleteManyException"/> class.</summary>
    /// <param name="failedKeys">The keys that could not be deleted.</param>
    /// <param name="deletedKeys">The keys that were deleted or no longer exist.</param>
    public CacheDeleteManyException(IReadOnlyList<string> failedKeys, IReadOnlyList<string> deletedKeys)
        : base($"Failed to delete keys: [{string.Join(", ", failedKeys.Select(k => "'" + k + "'"))}]")
    {
        FailedKeys = failedKeys;
        DeletedKeys = deletedKeys;
    }

    /// <summary>Gets the keys that still exist.</summary>
    public IReadOnlyList<string> FailedKeys { get; }

    /// <summary>Gets the keys that were deleted or no longer exist.</summary>
    public IReadOnlyList<string> DeletedKeys { get; }
}
