namespace Orleans.Caching.Runtime;

/// <summary>One silo's row in the membership table.</summary>
public sealed record MembershipEntry
{
    /// <summary>Gets the silo (endpoint + generation).</summary>
    public required SiloAddress Silo { get; init; }

    /// <summary>Gets the silo's status.</summary>
    public required SiloStatus Status { get; init; }

    /// <summary>Gets when the silo started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets the last time the silo said it was alive (written without bumping the table version).</summary>
    public required DateTimeOffset IAmAliveTime { get; init; }

    /// <summary>Gets the votes that the silo is dead.</summary>
    public IReadOnlyList<SuspicionVote> Suspicions { get; init; } = [];

    /// <summary>Gets the silo's name, for operators (the pod name on Kubernetes).</summary>
    public string? SiloName { get; init; }

    /// <summary>Gets the host name, for operators.</summary>
    public string? HostName { get; init; }
}
