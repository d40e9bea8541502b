using System.Net;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// Development ("primary silo") clustering, <c>Caching:Silo:Membership:Type = Static</c>: the first of
/// <see cref="ClusterMembershipOptions.Seeds"/> is the primary. Once the silo knows its own address (<see cref="BindAsync"/>, before it
/// joins), the table becomes either the primary's <see cref="InMemoryMembershipTable"/> (served to the others by
/// <see cref="MembershipTableSystemTarget"/>) or a <see cref="RemoteMembershipTable"/> calling the primary. Every mutation stays
/// conditioned on the table version, so the membership agent works unchanged. The primary is a single point of failure for membership
/// changes (as Orleans' development clustering); production uses Redis or File.
/// </summary>
internal sealed class StaticMembershipTable : IMembershipTable, IAsyncDisposable
{
    private readonly ClusterMembershipOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private IMembershipTable? _active;

    public StaticMembershipTable(ClusterMembershipOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Gets the primary's seed as configured (<c>Caching:Silo:Membership:Seeds:0</c>).</summary>
    public string PrimarySeed => _options.Seeds[0];

    /// <summary>Gets a value indicating whether this silo is the primary (known after <see cref="BindAsync"/>).</summary>
    public bool IsPrimary { get; private set; }

    /// <summary>Gets the table the primary holds (empty and unused on the other silos).</summary>
    public InMemoryMembershipTable Local { get; } = new();

    /// <summary>Decides whether this silo is the primary (the first seed resolves to its endpoint) and connects the table accordingly.
    /// A primary name that does not resolve yet (a pod not yet in DNS) is retried until <see cref="ClusterMembershipOptions.JoinTimeout"/>.</summary>
    /// <param name="self">This silo's address.</param>
    /// <param name="connector">Connects to the primary.</param>
    /// <param name="handler">Receives what the primary pushes on that connection (membership snapshots).</param>
    /// <param name="callTimeout">How long one call to the primary may take.</param>
    /// <param name="cancellationToken">Cancels binding.</param>
    /// <returns>A task that completes when bound.</returns>
    public async Task BindAsync(SiloAddress self, IFrameConnector connector, IFrameHandler handler, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        IReadOnlyList<IPEndPoint> primary = await ResolvePrimaryAsync(cancellationToken).ConfigureAwait(false);
        IsPrimary = primary.Any(endpoint => IsSelf(endpoint, self.Endpoint));
        if (IsPrimary)
        {
            Log.DevelopmentPrimary(_logger, self, PrimarySeed);
            _active = Local;
            return;
        }

        Log.DevelopmentSecondary(_logger, self, PrimarySeed, string.Join(", ", primary));
        _active = new RemoteMembershipTable(PrimarySeed, primary, connector, handler, callTimeout, _options.JoinTimeout, _timeProvider, _logger);
    }

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken) => Active.InitializeAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken) => Active.ReadAllAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
        => Active.TryWriteAsync(entry, expectedVersion, cancellationToken);

    /// <inheritdoc/>
    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken)
        => Active.UpdateIAmAliveAsync(silo, time, cancellationToken);

    /// <inheritdoc/>
    public Task<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken) => Active.CleanupDefunctAsync(before, cancellationToken);

    /// <inheritdoc/>
    public Task DeleteAsync(CancellationToken cancellationToken) => Active.DeleteAsync(cancellationToken);

    /// <summary>Closes the connection to the primary (a stopped or killed silo).</summary>
    /// <returns>A task that completes when closed.</returns>
    public ValueTask DisposeAsync() => _active is RemoteMembershipTable remote ? remote.DisposeAsync() : ValueTask.CompletedTask;

    private IMembershipTable Active => _active ?? throw new InvalidOperationException(
        $"The Static membership table is used before its silo bound it: only a cluster silo (AddOrleansCachingSilo) can use {ClusterMembershipOptions.SectionName}:Type = Static.");

    // The advertised address, or a loopback seed on this silo's port (a single machine whose silos advertise a LAN address).
    private static bool IsSelf(IPEndPoint seed, IPEndPoint self)
        => seed.Port == self.Port && (seed.Address.Equals(self.Address) || IPAddress.IsLoopback(seed.Address) || seed.Address.Equals(IPAddress.Any));

    private async Task<IReadOnlyList<IPEndPoint>> ResolvePrimaryAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset deadline = _timeProvider.GetUtcNow() + _options.JoinTimeout;
        TimeSpan delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await SeedResolver.ResolveAsync([PrimarySeed], cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException exception) when (_timeProvider.GetUtcNow() < deadline)
            {
                Log.DevelopmentPrimaryUnresolved(_logger, PrimarySeed, exception.Message);
            }
            catch (InvalidOperationException exception)
            {
                throw new InvalidOperationException(
                    $"The membership primary {ClusterMembershipOptions.SectionName}:Seeds:0 = '{PrimarySeed}' did not resolve within JoinTimeout {_options.JoinTimeout}: {exception.Message}", exception);
            }

            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond));
        }
    }
}
