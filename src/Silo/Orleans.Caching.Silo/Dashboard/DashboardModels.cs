namespace Orleans.Caching.Silo;

/// <summary>The body of <c>/dashboard/api/status</c>.</summary>
internal sealed record DashboardStatus(
    string? Silo,
    string Status,
    long MembershipVersion,
    IReadOnlyList<DashboardMember> Members,
    int Activations,
    long EstimatedMemoryBytes,
    long Requests,
    double RequestsPerSecond,
    DateTimeOffset Time);

/// <summary>One membership row as the dashboard shows it.</summary>
internal sealed record DashboardMember(
    string Silo,
    string Status,
    bool IsSelf,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    int Suspicions,
    string? SiloName,
    string? HostName);

/// <summary>The body of <c>/health/ready</c> and <c>/health/live</c>.</summary>
internal sealed record DashboardHealth(string Status, string? Silo);

/// <summary>The body of a key read or write of the "try a key" box.</summary>
internal sealed record DashboardKeyResult(string Key, bool Found, string? Value, string? Owner);

/// <summary>The body a key write sends: the value as text (stored JSON-encoded, as the cache client stores a string) and an optional timeout in seconds.</summary>
internal sealed record DashboardKeyWrite(string? Value, int? Timeout);

/// <summary>An error answer of the dashboard's API.</summary>
internal sealed record DashboardError(string Error);
