using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The silo's part in the membership protocol (<see cref="IClusterMembership"/>): joins (Joining → every Active silo reachable → Active),
/// writes IAmAlive, refreshes the table, adopts newer gossip, probes its ring successors and votes, and leaves. Every table write
/// is a read-modify-write conditioned on the version read (retried on conflict), and its result is gossiped to every other
/// Joining/Active/ShuttingDown silo.
/// </summary>
/// <remarks>
/// <see cref="ViewChanged"/> is raised once per adopted version, in version order, never concurrently with itself and never under a
/// lock; handler exceptions are logged and swallowed. Timer failures are logged and retried next period; they never crash the silo.
/// </remarks>
public sealed partial class MembershipAgent : IClusterMembership, IAsyncDisposable
{
    private const int MaxWriteAttempts = 32;

    private readonly SiloAddress _self;
    private readonly IMembershipTable _table;
    private readonly ISiloMessenger _messenger;
    private readonly ClusterMembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MembershipAgent> _logger;
    private readonly string? _siloName;
    private readonly string? _hostName;
    private readonly FailureDetector _detector;
    private readonly Lock _lock = new();
    private readonly Queue<MembershipView> _notifications = new();
    private readonly TaskCompletionSource _dead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _background = [];
    private MembershipView _view = MembershipView.Empty;
    private bool _notifying;
    private bool _rowWritten;
    private bool _leaving;
    private int _joinStarted;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="MembershipAgent"/> class.</summary>
    /// <param name="self">This silo's address.</param>
    /// <param name="table">The membership table (initialized by <see cref="JoinAsync"/>).</param>
    /// <param name="messenger">How to probe and gossip to peers.</param>
    /// <param name="options">The timings.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="siloName">The silo's name for operators (the pod name on Kubernetes), or <see langword="null"/>.</param>
    /// <param name="hostName">The host name for operators, or <see langword="null"/> for <see cref="Environment.MachineName"/>.</param>
    public MembershipAgent(
        SiloAddress self,
        IMembershipTable table,
        ISiloMessenger messenger,
        IOptions<ClusterMembershipOptions> options,
        TimeProvider time,
        ILogger<MembershipAgent> logger,
        string? siloName = null,
        string? hostName = null)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(messenger);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _self = self;
        _table = table;
        _messenger = messenger;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _siloName = siloName;
        _hostName = hostName ?? Environment.MachineName;
        _detector = new FailureDetector(self, messenger, _options, SuspectAsync, logger);
    }

    /// <inheritdoc/>
    public event Action<MembershipView>? ViewChanged;

    /// <inheritdoc/>
    public SiloAddress Self => _self;

    /// <inheritdoc/>
    public MembershipView CurrentView => Volatile.Read(ref _view);

    /// <inheritdoc/>
    public Task Dead => _dead.Task;

    /// <summary>Gets the failure detector (tests).</summary>
    internal FailureDetector Detector => _detector;

    /// <inheritdoc/>
    public void OnGossip(MembershipTableSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Volatile.Read(ref _disposed) || _dead.Task.IsCompleted || snapshot.Version <= CurrentView.Version)
        {
            return;
        }

        if (Volatile.Read(ref _rowWritten) && snapshot.Find(_self) is not { Status: not SiloStatus.Dead })
        {
            // Never conclude "I am dead" from a peer's word alone: the table decides.
            Track(ConfirmFromTableAsync());
            return;
        }

        Adopt(snapshot, authoritative: false);
    }

    /// <inheritdoc/>
    public async Task<MembershipView> RefreshAsync(CancellationToken cancellationToken)
    {
        MembershipTableSnapshot table = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        Adopt(table, authoritative: true);
        return CurrentView;
    }

    /// <inheritdoc/>
    public async Task BeginShutdownAsync(CancellationToken cancellationToken)
    {
        MembershipTableSnapshot? written = await WriteAsync(
            static (agent, table) => table.Find(agent._self) is { Status: < SiloStatus.ShuttingDown } row ? row with { Status = SiloStatus.ShuttingDown } : null,
            cancellationToken).ConfigureAwait(false);
        if (written is not null)
        {
            Log.MembershipShuttingDown(_logger, _self, written.Version);
        }
    }

    /// <inheritdoc/>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _leaving, true);
        StopTimers();
        try
        {
            if (!_dead.Task.IsCompleted)
            {
                await WriteAsync(
                    static (agent, table) => table.Find(agent._self) is { Status: < SiloStatus.Dead } row ? row with { Status = SiloStatus.Dead } : null,
                    cancellationToken).ConfigureAwait(false);
            }

            Log.MembershipLeft(_logger, _self);
        }
        finally
        {
            // Even if the table could not be written, this silo is gone: its peers will detect it by probing.
            MarkDead(CurrentView.Version);
        }
    }

    /// <summary>Stops the timers and background work without writing anything (a "kill": peers must detect the silo's death).
    /// <see cref="Dead"/> does not complete because of it, and gossip received afterwards is ignored.</summary>
    /// <returns>A task that completes when background work has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        StopTimers();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await WhenIdleAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // Cancelled background work is the point of disposing.
        }
    }

    /// <summary>Completes when the background work started so far (timer rounds, gossip confirmations) has finished (tests).</summary>
    /// <returns>The task.</returns>
    internal async Task WhenIdleAsync()
    {
        while (true)
        {
            Task[] pending;
            lock (_lock)
            {
                pending = [.. _background];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    private void Track(Task task)
    {
        if (task.IsCompleted)
        {
            return;
        }

        lock (_lock)
        {
            _background.Add(task);
        }

        task.ContinueWith(
            static (completed, state) =>
            {
                var agent = (MembershipAgent)state!;
                lock (agent._lock)
                {
                    agent._background.Remove(completed);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task ConfirmFromTableAsync()
    {
        try
        {
            await RefreshAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            Log.GossipConfirmationFailed(_logger, exception, _self);
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Disposed meanwhile.
        }
    }
}
