using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// A silo of a cluster: the grain runtime of <see cref="LocalSilo"/> behind the cluster protocol's listener, with a membership agent.
/// It joins once the Kestrel server is listening (Joining → Active), serves the grains rendezvous hashing assigns it, forwards the
/// others once, drops activations it no longer owns when the view changes, and stops gracefully with the host: ShuttingDown (peers and
/// clients re-route), activations deactivated and their state flushed, Dead. A silo that learns it was declared Dead stops the host.
/// Registered by <c>builder.AddOrleansCachingSilo()</c>.
/// </summary>
public sealed partial class ClusterSilo : IHostedLifecycleService
{
    private readonly LocalSilo _runtime;
    private readonly SiloRoutingInvoker _routing;
    private readonly SiloFrameHandler _handler;
    private readonly LocalSiloStorage _storage;
    private readonly IMembershipTable _table;
    private readonly ClusterOptions _clusterOptions;
    private readonly IOptions<ClusterMembershipOptions> _membershipOptions;
    private readonly SiloEndpointBinding _binding;
    private readonly SiloListenerGate _gate;
    private readonly SiloEndpointOptions _endpointOptions;
    private readonly SiloStatistics _statistics;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClusterSiloState? _state;
    private MembershipAgent? _agent;
    private int _stopping;
    private volatile bool _killed;

    internal ClusterSilo(
        LocalSilo runtime,
        SiloRoutingInvoker routing,
        SiloFrameHandler handler,
        LocalSiloStorage storage,
        IMembershipTable table,
        IOptions<ClusterOptions> clusterOptions,
        IOptions<ClusterMembershipOptions> membershipOptions,
        IOptions<SiloEndpointOptions> endpointOptions,
        SiloEndpointBinding binding,
        SiloListenerGate gate,
        SiloStatistics statistics,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IHostApplicationLifetime lifetime)
    {
        _runtime = runtime;
        _routing = routing;
        _handler = handler;
        _storage = storage;
        _table = table;
        _clusterOptions = clusterOptions.Value;
        _membershipOptions = membershipOptions;
        _endpointOptions = endpointOptions.Value;
        _binding = binding;
        _gate = gate;
        _statistics = statistics;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _lifetime = lifetime;
        _logger = loggerFactory.CreateLogger<ClusterSilo>();
    }

    /// <summary>Gets this silo's address (endpoint + generation).</summary>
    /// <exception cref="InvalidOperationException">The silo has not started.</exception>
    public SiloAddress Address => State.Self;

    /// <summary>Gets the silo's membership: its view of the cluster, view changes, and whether it was declared dead.</summary>
    /// <exception cref="InvalidOperationException">The silo has not started.</exception>
    public IClusterMembership Membership => State.Membership;

    /// <summary>Gets the grain runtime (activation count, memory estimate, active grains).</summary>
    public LocalSilo Runtime => _runtime;

    /// <summary>Gets the request counters.</summary>
    public SiloStatistics Statistics => _statistics;

    /// <summary>Gets a task that completes when the silo is Active (or faults if it could not join).</summary>
    public Task Started => _started.Task;

    /// <summary>Gets the identity this silo presents in handshakes: its address once started.</summary>
    internal string Identity => Volatile.Read(ref _state)?.Self.ToString() ?? "silo/starting";

    /// <summary>Gets this silo's status in its own view (<see cref="SiloStatus.None"/> before it joined).</summary>
    public SiloStatus Status => Volatile.Read(ref _state) is { } state ? state.Membership.CurrentView.GetStatus(state.Self) : SiloStatus.None;

    private ClusterSiloState State => Volatile.Read(ref _state) ?? throw new InvalidOperationException("The cluster silo has not started yet (it joins once the host's server is listening).");

    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => _runtime.StartAsync(cancellationToken);

    /// <summary>Joins the cluster once the listener is bound.</summary>
    /// <param name="cancellationToken">Cancels joining.</param>
    /// <returns>A task that completes when the silo is Active.</returns>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            IPEndPoint bound = _binding.BoundEndpoint;
            var endpoint = new IPEndPoint(SiloAddressResolver.Resolve(_endpointOptions, Environment.GetEnvironmentVariable), bound.Port);
            var self = new SiloAddress(endpoint, NewGeneration());
            var connector = new SocketFrameConnector(_clusterOptions, self.ToString(), _timeProvider, _loggerFactory);
            if (_table is StaticMembershipTable staticTable)
            {
                await staticTable.BindAsync(self, connector, _handler, _clusterOptions.ResponseTimeout, cancellationToken).ConfigureAwait(false);
            }

            var connections = new SiloConnections(connector, _handler, () => _agent?.CurrentView.Version ?? 0, _timeProvider, _logger);
            _agent = new MembershipAgent(
                self,
                _table,
                connections,
                _membershipOptions,
                _timeProvider,
                _loggerFactory.CreateLogger<MembershipAgent>(),
                Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.GetEnvironmentVariable("HOSTNAME"));
            var state = new ClusterSiloState(self, _agent, connections, _statistics);
            _agent.ViewChanged += OnViewChanged;
            Volatile.Write(ref _state, state);
            _handler.Start(state);
            _routing.Start(state);
            Log.ClusterSiloJoining(_logger, self, _clusterOptions.ClusterId);
            await _agent.JoinAsync(cancellationToken).ConfigureAwait(false);
            _ = WatchForDeathAsync(_agent);
            Log.ClusterSiloActive(_logger, self, _agent.CurrentView.Version, _agent.CurrentView.ActiveSilos.Count);
            _started.TrySetResult();
        }
        catch (Exception exception)
        {
            _started.TrySetException(exception);
            throw;
        }
    }

    /// <summary>
    /// Stops gracefully before the server stops taking requests: ShuttingDown is written and gossiped (peers and clients route
    /// elsewhere), every activation is deactivated (its state written), write-behind storage is flushed, and Dead is written and
    /// gossiped. Runs in <see cref="IHostedLifecycleService.StoppingAsync"/> so the whole sequence has the host's full shutdown time
    /// and happens while connections are still open.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the silo has left.</returns>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_killed || Interlocked.Exchange(ref _stopping, 1) != 0)
        {
            return;
        }

        bool joined = _agent is not null && _started.Task.IsCompletedSuccessfully;
        if (joined)
        {
            Log.ClusterSiloStopping(_logger, State.Self, _runtime.ActivationCount);
            await RunStopStepAsync("ShuttingDown", () => _agent!.BeginShutdownAsync(cancellationToken)).ConfigureAwait(false);
        }

        await RunStopStepAsync("Deactivation", () => _runtime.StopAsync(cancellationToken)).ConfigureAwait(false);
        await RunStopStepAsync("Flush", () => _storage.FlushAsync(cancellationToken)).ConfigureAwait(false);
        if (joined)
        {
            await RunStopStepAsync("Dead", () => _agent!.LeaveAsync(cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the membership agent and closes the connections to peers.</summary>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>A task that completes when everything is closed.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_killed)
        {
            return;
        }

        await StoppingAsync(cancellationToken).ConfigureAwait(false);
        if (_agent is not null)
        {
            await _agent.DisposeAsync().ConfigureAwait(false);
        }

        if (Volatile.Read(ref _state) is { } state)
        {
            await state.Connections.DisposeAsync().ConfigureAwait(false);
            if (_table is StaticMembershipTable staticTable)
            {
                await staticTable.DisposeAsync().ConfigureAwait(false);
            }

            Log.ClusterSiloStopped(_logger, state.Self);
        }
    }

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Kills the silo as a crash would: no goodbye in the membership table, connections dropped, nothing flushed. For tests;
    /// its peers detect the death by probing. Stopping the host afterwards does nothing more.</summary>
    /// <returns>A task that completes when the silo no longer answers.</returns>
    public async Task KillAsync()
    {
        _killed = true;
        if (_agent is not null)
        {
            await _agent.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Close();
        _handler.Kill();
        if (_table is StaticMembershipTable staticTable)
        {
            await staticTable.DisposeAsync().ConfigureAwait(false);
        }

        if (Volatile.Read(ref _state) is { } state)
        {
            state.Connections.AbortAll();
        }
    }

    private async Task RunStopStepAsync(string step, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.ClusterSiloStopStepFailed(_logger, step, exception);
        }
    }

    private int NewGeneration()
    {
        // Seconds since 2020: larger for every later start of a process on the same endpoint (restarts take longer than a second).
        long seconds = (_timeProvider.GetUtcNow() - new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)).Ticks / TimeSpan.TicksPerSecond;
        return (int)Math.Clamp(seconds, 1, int.MaxValue);
    }

    private void OnViewChanged(MembershipView view)
    {
        if (_killed || Volatile.Read(ref _state) is not { } state)
        {
            return;
        }

        Log.ViewChanged(_logger, state.Self, view.Version, view.ActiveSilos.Count);
        _handler.PushToInbound(view.Snapshot);
        foreach (MembershipEntry entry in view.Snapshot.Entries)
        {
            if (entry.Status == SiloStatus.Dead && !entry.Silo.Equals(state.Self))
            {
                state.Connections.Drop(entry.Silo);
            }
        }

        _ = DropUnownedAsync(state.Self, view);
    }

    private async Task DropUnownedAsync(SiloAddress self, MembershipView view)
    {
        try
        {
            await _runtime.DeactivateAllAsync(DeactivationReason.OwnershipChanged, grain => !self.Equals(view.SelectOwner(grain))).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.ClusterSiloStopStepFailed(_logger, "OwnershipChanged", exception);
        }
    }

    private async Task WatchForDeathAsync(MembershipAgent agent)
    {
        await agent.Dead.ConfigureAwait(false);
        if (!_killed && Volatile.Read(ref _stopping) == 0)
        {
            Log.ClusterSiloDeclaredDead(_logger, State.Self);
            _lifetime.StopApplication();
        }
    }
}
