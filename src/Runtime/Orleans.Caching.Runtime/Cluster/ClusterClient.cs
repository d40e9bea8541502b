using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The client of a silo cluster: learns the membership from a gateway, computes each grain's owner from its view (rendezvous hashing)
/// and sends each call straight to that silo over one shared, multiplexed connection per silo.
/// </summary>
/// <remarks>
/// <para>Calls that were not delivered (the silo answered <see cref="RejectionReason.NotOwner"/> or <see cref="RejectionReason.Unavailable"/>,
/// or could not be reached) are retried after a view refresh until <see cref="ClusterOptions.RetryDeadline"/>; a call whose connection
/// closed after it was sent is retried only when <see cref="GrainRequest.IsIdempotent"/>. Each call waits at most
/// <see cref="ClusterOptions.ResponseTimeout"/> in all, then fails with <see cref="GrainCallTimeoutException"/>.</para>
/// <para>The view follows the silos: responses carry the silo's membership version (a newer one triggers a refresh from that silo),
/// silos gossip snapshots, and a background refresh runs every <see cref="RefreshPeriod"/>, falling back to the gateways when no
/// known silo answers. System targets (<see cref="SystemTargets"/>) go to the silo named by their key and are never re-routed.</para>
/// </remarks>
public sealed partial class ClusterClient : IGrainCallInvoker, IAsyncDisposable
{
    /// <summary>How often the view is refreshed in the background.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(10);

    private readonly ClusterOptions _options;
    private readonly IFrameConnector _connector;
    private readonly GrainMessageCodec _codec;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ClientFrameHandler _handler;
    private readonly ClusterCallTimeouts _timeouts;
    private readonly ConcurrentDictionary<SiloAddress, SiloConnectionSlot> _slots = new();
    private readonly ConcurrentDictionary<SiloAddress, long> _suspects = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly uint _responseTimeoutMilliseconds;
    private MembershipView _view = MembershipView.Empty;
    private Task? _refresh;
    private ITimer? _refreshTimer;
    private int _started;

    /// <summary>Initializes a new instance of the <see cref="ClusterClient"/> class; nothing is contacted until <see cref="StartAsync"/>.</summary>
    /// <param name="options">The cluster options (gateways, timeouts).</param>
    /// <param name="connector">Opens connections to silos.</param>
    /// <param name="codec">Encodes requests and decodes responses.</param>
    /// <param name="time">The clock of timeouts, back-off and refreshes.</param>
    /// <param name="loggers">The logger factory.</param>
    public ClusterClient(ClusterOptions options, IFrameConnector connector, GrainMessageCodec codec, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ResponseTimeout, TimeSpan.Zero, nameof(options));
        _options = options;
        _connector = connector;
        _codec = codec;
        _time = time;
        _logger = loggers.CreateLogger<ClusterClient>();
        _handler = new ClientFrameHandler(this);
        _responseTimeoutMilliseconds = (uint)Math.Clamp(options.ResponseTimeout.TotalMilliseconds, 1, uint.MaxValue);
        TimeSpan tick = TimeSpan.FromTicks(Math.Clamp(options.ResponseTimeout.Ticks / 10, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _timeouts = new ClusterCallTimeouts(time, tick);
    }

    /// <summary>Raised after <see cref="CurrentView"/> moved to a newer version; handlers must not block.</summary>
    public event Action<MembershipView>? ViewChanged;

    /// <summary>Gets the newest membership view the client knows (<see cref="MembershipView.Empty"/> before <see cref="StartAsync"/>).</summary>
    public MembershipView CurrentView => Volatile.Read(ref _view);

    /// <summary>Connects to a gateway (each of <see cref="ClusterOptions.Gateways"/> in random order, DNS names resolved), reads the
    /// membership snapshot and starts the background refresh.</summary>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>A task that completes when the client has a view.</returns>
    /// <exception cref="GrainCallRejectedException">No gateway could be reached (<see cref="RejectionReason.Unavailable"/>).</exception>
    /// <exception cref="HandshakeRefusedException">A gateway refused the handshake (wrong cluster id, secret or protocol version).</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The cluster client has already been started.");
        }

        if (!await RefreshFromGatewaysAsync(throwOnFailure: true, cancellationToken).ConfigureAwait(false))
        {
            throw new GrainCallRejectedException(RejectionReason.Unavailable, "No gateway of Caching:Cluster:Gateways answered.");
        }

        _refreshTimer = _time.CreateTimer(static state => ((ClusterClient)state!).OnRefreshTimer(), this, RefreshPeriod, RefreshPeriod);
        Log.ClientStarted(_logger, CurrentView.Version, CurrentView.ActiveSilos.Count);
    }

    /// <summary>Stops the background refresh and closes every connection; calls still waiting fail.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync().ConfigureAwait(false);
        _refreshTimer?.Dispose();
        _timeouts.Dispose();
        foreach (SiloConnectionSlot slot in _slots.Values)
        {
            await slot.CloseAsync().ConfigureAwait(false);
        }

        _slots.Clear();
        _disposed.Dispose();
    }

    private bool IsSuspect(SiloAddress silo)
        => _suspects.TryGetValue(silo, out long until) && _time.GetTimestamp() < until;

    private void MarkSuspect(SiloAddress silo, Exception reason)
    {
        long until = _time.GetTimestamp() + (long)(RefreshPeriod.TotalSeconds * _time.TimestampFrequency);
        _suspects[silo] = until;
        Log.SiloSuspected(_logger, reason, silo);
    }
}
