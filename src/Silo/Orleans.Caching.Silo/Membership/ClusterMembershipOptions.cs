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
/// <para><c>Static</c> (alias <c>Development</c>) is Orleans' development ("primary silo") clustering: <see cref="Seeds"/> lists
/// <c>host:port</c> entries (DNS names allowed) and the FIRST one is the primary. The primary holds the versioned table in memory and
/// serves it to the other silos (system target <c>sys.membership-table</c>); every mutation stays conditioned on the table version. The
/// primary is a single point of failure for membership changes and the table is lost when it stops: use <c>Redis</c> (or <c>File</c>)
/// in production. See ADR 0002, "Seeds and Kubernetes".</para>
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

    /// <summary>The <see cref="Type"/> of development clustering: a table held in memory by the first of <see cref="Seeds"/> (the
    /// primary) and served to the others.</summary>
    public const string StaticType = "Static";

    /// <summary>An alias of <see cref="StaticType"/> (Orleans' name for the same provider).</summary>
    public const string DevelopmentType = "Development";

    /// <summary>Gets or sets the table type: <c>InMemory</c>, <c>File</c>, <c>Redis</c> or <c>Static</c> (alias <c>Development</c>),
    /// case-insensitive.</summary>
    /// <value><c>InMemory</c>: a single-node cluster, or several silos in one process sharing a table registered in DI.</value>
    public string Type { get; set; } = InMemoryType;

    /// <summary>Gets or sets the JSON file of a <c>File</c> table; every silo of the cluster names the same file.</summary>
    /// <value><see langword="null"/>; required when <see cref="Type"/> is <c>File</c>.</value>
    public string? Path { get; set; }

    /// <summary>Gets or sets the seeds of a <c>Static</c> table (<c>Caching:Silo:Membership:Seeds:0</c>, <c>:1</c>, …): <c>host:port</c>
    /// entries, DNS names resolved by <see cref="SeedResolver"/>. The first is the primary that holds the table; every silo lists the
    /// same first seed. The others are not used by silos (the same list can be given to clients as <c>Caching:Cluster:Gateways</c>).</summary>
    /// <value>Empty; at least one is required when <see cref="Type"/> is <c>Static</c>.</value>
    public IList<string> Seeds { get; set; } = [];

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

    /// <summary>Tells whether a table type names development clustering (<c>Static</c> or <c>Development</c>).</summary>
    /// <param name="type">The type.</param>
    /// <returns><see langword="true"/> for <c>Static</c> or <c>Development</c>, case-insensitive.</returns>
    internal static bool IsStatic(string? type)
        => string.Equals(type, StaticType, StringComparison.OrdinalIgnoreCase) || string.Equals(type, DevelopmentType, StringComparison.OrdinalIgnoreCase);
}
