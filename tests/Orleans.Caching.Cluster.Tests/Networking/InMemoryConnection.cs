using System.IO.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Networking;

/// <summary>Two handshaken connections joined by in-memory pipes (the handshake itself is covered over Kestrel).</summary>
internal sealed class InMemoryConnection : IAsyncDisposable
{
    public InMemoryConnection(IFrameHandler handlerA, IFrameHandler handlerB, ClusterOptions? options = null, TimeProvider? timeProvider = null, PipeOptions? pipeOptions = null, bool startB = true)
    {
        Pipes = new DuplexPipePair(pipeOptions);
        options ??= new ClusterOptions();
        timeProvider ??= TimeProvider.System;
        A = new PipeFrameConnection(Pipes.A, null, handlerA, "b", null, options, timeProvider, NullLogger.Instance);
        B = new PipeFrameConnection(Pipes.B, null, handlerB, "a", null, options, timeProvider, NullLogger.Instance);
        A.Start();
        if (startB)
        {
            B.Start();
        }
    }

    public DuplexPipePair Pipes { get; }

    public PipeFrameConnection A { get; }

    public PipeFrameConnection B { get; }

    public async ValueTask DisposeAsync()
    {
        A.Abort(null);
        B.Abort(null);
        await Task.WhenAll(A.Closed, B.Closed).WaitAsync(TimeSpan.FromSeconds(10));
    }
}

/// <summary>A fake clock that signals when a timer is created, so a test advances time only once the code waits on it.</summary>
public sealed class SignalingTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeTimeProvider Inner => inner;

    public Task TimerCreated => Volatile.Read(ref _timerCreated).Task;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = inner.CreateTimer(callback, state, dueTime, period);
        Volatile.Read(ref _timerCreated).TrySetResult();
        return timer;
    }
}
