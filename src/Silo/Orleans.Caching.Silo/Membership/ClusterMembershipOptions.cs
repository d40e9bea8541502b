using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The <c>Caching:Silo:Membership</c> section: where the membership table lives (<see cref="Type"/>) and the timings of joining,
/// heartbeats, refresh and failure detection (defaults close to Orleans', shorter because a cache cluster is small).
/// </summary>
/// <remarks>
/// <para>Table types: <c>InMemory</c> (default; one process: a single silo, or the in-process test cluster, which registers one shared
/// <see cref="IMembershipTable"/> in DI — a registered table always wins over <see cref="Type"/>), <c>File</c> (one JSON file at
/// <see cref="Path"/>, for several processes on one machine or a shared volume) and <c>Redis</c> (one hash, settings in
/// <see cref="Redis"/>; the production choice, also on Kubernetes).</para>
/// <para>There is deliberately no <c>Static</c> table: a list of seed addresses cannot store a version, so silos that only knew
/// seeds could not agree on one ordered sequence of views. Seeds are discovery for clients: list them (DNS names allowed — a
/// Kubernetes headless service resolves to every ready pod) in <c>Caching:Cluster:Gateways</c>; <see cref="SeedResolver"/> resolves
/// them. See ADR 0002, "Seeds and Kubernetes".</para>
/// </remarks>
public sealed class ClusterMembershipOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Caching:Silo:Membership";

    /// <summary>The <see cref="Type"/> of an in-process table (<see cref="InMemoryMembershipTable"/>).</summary>
    public const string InMemoryType = "InMemory";

    /// <summary>The <see cref="Type"/> of a JSON-file table (<see cref="FileMembershipTable"/>).</summary>
    public const string FileType = "File";

    /// <summary>The <see cref="Type"/> of a Redis table (<see cref="RedisMembershipTable"/>).</summary>
    public const string RedisType = "Redis";

    /// <summary>Gets or sets the table type: <c>InMemory</c>, <c>File</c> or <c>Redis</c> (case-insensitive).</summary>
    /// <value><c>InMemory</c>: a single-node cluster, or several silos in one process sharing a table registered in DI.</value>
    public string Type { get; set; } = InMemoryType;

    /// <summary>Gets or sets the JSON file of a <c>File</c> table; every silo of the cluster names the same file.</summary>
    /// <value><see langword="null"/>; required when <see cref="Type"/> is <c>File</c>.</value>
    public string? Path { get; set; }

    /// <summary>Gets or sets the server and table identity of a <c>Redis</c> table (<c>Caching:Silo:Membership:Redis:Url</c>, <c>Host</c>,
    /// <c>Port</c>, <c>Password</c>, <c>Db</c>, <c>ServiceId</c>, <c>ClusterId</c>).</summary>
    /// <value>localhost:6379, database 0, key <c>orleans-caching/members/default</c>.</value>
    public RedisMembershipTableOptions Redis { get; set; } = new();

    /// <summary>Gets or sets how often a silo refreshes its row's IAmAlive time (no version bump).</summary>
    /// <value>5 seconds.</value>
    public TimeSpan IAmAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how often a silo reads the whole table (the fallback when gossip was lost).</summary>
    /// <value>10 seconds.</value>
    public TimeSpan TableRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how often a silo probes its ring successors.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long one probe (connecting included) may take before it counts as missed.</summary>
    /// <value>1 second.</value>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many consecutive probes a silo may miss before its prober votes it dead.</summary>
    /// <value>3.</value>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>Gets or sets how many ring successors each silo probes.</summary>
    /// <value>3.</value>
    public int NumProbedSilos { get; set; } = 3;

    /// <summary>Gets or sets how many fresh votes declare a silo dead; the effective number is the smaller of this and the number of
    /// other Active silos, so one vote suffices in a two-silo cluster.</summary>
    /// <value>2.</value>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>Gets or sets how long a vote counts.</summary>
    /// <value>60 seconds.</value>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long a joining silo keeps trying to reach every Active silo before it gives up (a silo declared
    /// dead meanwhile is no longer waited for).</summary>
    /// <value>30 seconds.</value>
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long Dead rows stay in the table; an Active silo deletes older ones during its refresh.</summary>
    /// <value>1 hour.</value>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromHours(1);
}
