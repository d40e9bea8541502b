using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;
using Orleans.Caching.TestingHost;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Silo;

public sealed class RequestExpiryWireTests
{
    [Fact]
    public async Task A_set_whose_frame_time_to_live_runs_out_behind_a_blocked_write_is_answered_timeout_and_never_written()
    {
        var clock = new FakeTimeProvider();
        var storage = new BlockingStorage();
        await using TestCluster cluster = new TestClusterBuilder { InitialSilosCount = 1 }
            .ConfigureSiloServices((_, services) =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IGrainStorage>(storage);
            })
            .Build();
        await cluster.DeployAsync();
        TestSilo silo = cluster.Silos[0];
        var connector = new SocketFrameConnector(new ClusterOptions { ClusterId = cluster.ClusterId }, "expiry-test", TimeProvider.System, NullLoggerFactory.Instance);
        await using FrameConnection connection = await connector.ConnectAsync(silo.Address.Endpoint, new IgnoringHandler(), CancellationToken.None);
        var key = new GrainId(CacheGrainTypes.Entry, "expiry");

        Task<GrainResponse<bool>> first = Send(connection, key, new CacheEntrySetRequest("first"u8.ToArray(), null), 30_000);
        await storage.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        Task<GrainResponse<bool>> late = Send(connection, key, new CacheEntrySetRequest("late"u8.ToArray(), null), 50);
        Task<GrainResponse<byte[]?>> read = Send(connection, key, CacheEntryGetRequest.Instance, 30_000);
        ActivationCatalog catalog = silo.Services.GetRequiredService<ActivationCatalog>();
        await WaitUntilAsync(() => catalog.TryGetActivation(key, out ActivationData activation) && activation.QueuedCount == 2);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        storage.Release();

        Assert.True((await first.WaitAsync(TimeSpan.FromSeconds(10))).GetResultOrThrow());
        GrainResponse<bool> rejected = await late.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(GrainResponseStatus.Rejected, rejected.Status);
        Assert.Equal(RejectionReason.Timeout, rejected.RejectionReason);
        Assert.Equal("first"u8.ToArray(), (await read.WaitAsync(TimeSpan.FromSeconds(10))).GetResultOrThrow());
        Assert.Equal(["first"], storage.Writes);
        Assert.Equal(1, silo.ClusterSilo.Runtime.ExpiredRequestCount);
    }

    private static Task<GrainResponse<TResult>> Send<TResult>(FrameConnection connection, GrainId key, GrainRequest<TResult> request, uint timeToLive)
    {
        var call = new RemoteCall<TResult>(CacheGrainCodecs.MessageCodec, request);
        connection.SendCall(call, FrameKind.Request, 0, timeToLive, FrameFlags.None, (key, request), static (output, s) => CacheGrainCodecs.MessageCodec.WriteRequest(output, s.key, s.request));
        return call.Response;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }

    private sealed class IgnoringHandler : IFrameHandler
    {
        public void OnFrame(FrameConnection connection, in Frame frame)
        {
        }

        public void OnClosed(FrameConnection connection, Exception? reason)
        {
        }
    }

    /// <summary>Grain storage in memory whose first write waits until <see cref="Release"/>; records every value written.</summary>
    private sealed class BlockingStorage : IGrainStorage
    {
        private readonly ConcurrentDictionary<GrainId, GrainStateRecord> _records = new();
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _etag;

        public Task Entered => _entered.Task;

        public ConcurrentQueue<string> Writes { get; } = new();

        public void Release() => _released.TrySetResult();

        public ValueTask<GrainStateRecord> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
            => new(_records.TryGetValue(grainId, out GrainStateRecord record) ? record : GrainStateRecord.None);

        public async ValueTask<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> value, DateTimeOffset? expiresAt, string? expectedETag, CancellationToken cancellationToken)
        {
            Writes.Enqueue(System.Text.Encoding.UTF8.GetString(value.Span));
            _entered.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            string etag = Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _records[grainId] = new GrainStateRecord(value.ToArray(), expiresAt, etag);
            return etag;
        }

        public ValueTask ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
        {
            _records.TryRemove(grainId, out _);
            return ValueTask.CompletedTask;
        }
    }
}
