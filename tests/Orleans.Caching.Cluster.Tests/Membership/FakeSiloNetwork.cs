using System.Buffers;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Membership;

/// <summary>
/// Several membership agents over one table and a fake network: probes succeed when the target agent is running and the link is
/// not cut; gossip is encoded with <see cref="MembershipSnapshotCodec"/>, recorded, and delivered to the target's <c>OnGossip</c>.
/// </summary>
internal sealed class FakeSiloNetwork : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipAgent> _running = [];
    private readonly HashSet<(SiloAddress From, SiloAddress To)> _cut = [];
    private readonly HashSet<(SiloAddress From, SiloAddress To)> _probesLost = [];
    private readonly List<(SiloAddress From, SiloAddress To, long Version)> _gossip = [];
    private readonly List<MembershipAgent> _all = [];

    public FakeSiloNetwork(IMembershipTable? table = null, Action<ClusterMembershipOptions>? configure = null, TimeProvider? time = null)
    {
        Table = table ?? new InMemoryMembershipTable();
        Options = new ClusterMembershipOptions();
        configure?.Invoke(Options);
        Time = time ?? Clock;
    }

    public FakeTimeProvider Clock { get; } = new();

    public TimeProvider Time { get; }

    public IMembershipTable Table { get; }

    public ClusterMembershipOptions Options { get; }

    public IReadOnlyList<(SiloAddress From, SiloAddress To, long Version)> Gossip
    {
        get
        {
            lock (_lock)
            {
                return [.. _gossip];
            }
        }
    }

    public static SiloAddress Address(int port, int generation = 1) => new(new IPEndPoint(IPAddress.Loopback, port), generation);

    public MembershipAgent Create(SiloAddress silo, ILogger<MembershipAgent>? logger = null)
    {
        var agent = new MembershipAgent(silo, Table, new Messenger(this, silo), Microsoft.Extensions.Options.Options.Create(Options), Time, logger ?? NullLogger<MembershipAgent>.Instance, "silo-" + silo.Endpoint.Port);
        lock (_lock)
        {
            _running[silo] = agent;
            _all.Add(agent);
        }

        return agent;
    }

    public async Task<MembershipAgent> StartAsync(SiloAddress silo)
    {
        MembershipAgent agent = Create(silo);
        await agent.JoinAsync(CancellationToken.None);
        return agent;
    }

    /// <summary>Stops an agent without a goodbye: it no longer answers probes or receives gossip, and writes nothing.</summary>
    public async Task KillAsync(MembershipAgent agent)
    {
        lock (_lock)
        {
            _running.Remove(agent.Self);
        }

        await agent.DisposeAsync();
    }

    public void Cut(SiloAddress from, SiloAddress to)
    {
        lock (_lock)
        {
            _cut.Add((from, to));
        }
    }

    /// <summary>Loses the probes from one silo to another while gossip still flows (a one-sided, probe-only failure).</summary>
    public void LoseProbes(SiloAddress from, SiloAddress to)
    {
        lock (_lock)
        {
            _probesLost.Add((from, to));
        }
    }

    public void Heal(SiloAddress from, SiloAddress to)
    {
        lock (_lock)
        {
            _cut.Remove((from, to));
            _probesLost.Remove((from, to));
        }
    }

    /// <summary>Advances the fake clock in steps, letting every agent finish the work each step started.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan? step = null)
    {
        TimeSpan increment = step ?? TimeSpan.FromMilliseconds(500);
        for (TimeSpan done = TimeSpan.Zero; done < total; done += increment)
        {
            Clock.Advance(increment < total - done ? increment : total - done);
            await IdleAsync();
        }
    }

    public async Task IdleAsync()
    {
        MembershipAgent[] agents;
        lock (_lock)
        {
            agents = [.. _all];
        }

        foreach (MembershipAgent agent in agents)
        {
            await agent.WhenIdleAsync();
        }

        await Task.Yield();
    }

    public async ValueTask DisposeAsync()
    {
        MembershipAgent[] agents;
        lock (_lock)
        {
            agents = [.. _all];
            _running.Clear();
        }

        foreach (MembershipAgent agent in agents)
        {
            await agent.DisposeAsync();
        }
    }

    private bool CanReach(SiloAddress from, SiloAddress to, out MembershipAgent? target)
    {
        lock (_lock)
        {
            return _running.TryGetValue(to, out target) && _running.ContainsKey(from) && !_cut.Contains((from, to));
        }
    }

    private sealed class Messenger(FakeSiloNetwork network, SiloAddress self) : ISiloMessenger
    {
        public Task<bool> ProbeAsync(SiloAddress silo, TimeSpan timeout, CancellationToken cancellationToken)
        {
            lock (network._lock)
            {
                if (network._probesLost.Contains((self, silo)))
                {
                    return Task.FromResult(false);
                }
            }

            return Task.FromResult(network.CanReach(self, silo, out _));
        }

        public void Gossip(SiloAddress silo, MembershipTableSnapshot snapshot)
        {
            lock (network._lock)
            {
                network._gossip.Add((self, silo, snapshot.Version));
            }

            if (network.CanReach(self, silo, out MembershipAgent? target))
            {
                var buffer = new ArrayBufferWriter<byte>();
                MembershipSnapshotCodec.Write(buffer, snapshot);
                target!.OnGossip(MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(buffer.WrittenMemory)));
            }
        }
    }
}
