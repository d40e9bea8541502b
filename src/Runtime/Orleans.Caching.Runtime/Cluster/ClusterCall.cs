using System.Buffers;
using System.Threading.Tasks.Sources;

namespace Orleans.Caching.Runtime;

/// <summary>
/// One attempt of a grain call sent by <see cref="ClusterClient"/>: decodes the response on the connection's read loop and wakes the
/// caller asynchronously (never on the read loop). Awaited through <see cref="WaitAsync"/> without a task allocation.
/// </summary>
/// <typeparam name="TResult">The method's result type.</typeparam>
internal sealed class ClusterCall<TResult> : ClusterCallBase, IValueTaskSource
{
    private readonly GrainMessageCodec _codec;
    private readonly GrainRequest<TResult> _request;
    private ManualResetValueTaskSourceCore<bool> _core;

    public ClusterCall(GrainMessageCodec codec, GrainRequest<TResult> request)
    {
        _codec = codec;
        _request = request;
        _core = new ManualResetValueTaskSourceCore<bool> { RunContinuationsAsynchronously = true };
    }

    /// <summary>Gets how the call ended (valid once <see cref="WaitAsync"/> completed).</summary>
    public ClusterCallOutcome Outcome { get; private set; }

    /// <summary>Gets the decoded response when <see cref="Outcome"/> is <see cref="ClusterCallOutcome.Responded"/>.</summary>
    public GrainResponse<TResult> Response { get; private set; }

    /// <summary>Gets the membership version the silo's response header carried.</summary>
    public long PeerVersion { get; private set; }

    /// <summary>Gets the failure when <see cref="Outcome"/> is <see cref="ClusterCallOutcome.Failed"/>.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Waits for the call to end.</summary>
    /// <returns>A task that completes when <see cref="Outcome"/> is set.</returns>
    public ValueTask WaitAsync() => new(this, _core.Version);

    /// <inheritdoc/>
    public override void OnResponse(in FrameHeader header, in ReadOnlySequence<byte> body)
    {
        if (!TryClaim())
        {
            return;
        }

        PeerVersion = header.MembershipVersion;
        try
        {
            Response = _codec.ReadResponse(body, _request);
            Outcome = ClusterCallOutcome.Responded;
        }
        catch (WireProtocolException ex)
        {
            Failure = ex;
            Outcome = ClusterCallOutcome.Failed;
        }

        _core.SetResult(true);
    }

    /// <inheritdoc/>
    public override void OnFailure(Exception exception)
    {
        if (TryClaim())
        {
            Failure = exception;
            Outcome = ClusterCallOutcome.Failed;
            _core.SetResult(true);
        }
    }

    /// <inheritdoc/>
    internal override void TimeOut() => End(ClusterCallOutcome.TimedOut);

    /// <inheritdoc/>
    internal override void Cancel() => End(ClusterCallOutcome.Canceled);

    /// <inheritdoc/>
    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    /// <inheritdoc/>
    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc/>
    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    private void End(ClusterCallOutcome outcome)
    {
        if (TryClaim())
        {
            Forget();
            Outcome = outcome;
            _core.SetResult(true);
        }
    }
}
