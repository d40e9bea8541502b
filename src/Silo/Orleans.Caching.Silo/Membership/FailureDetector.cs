using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// Probes a silo's ring successors and asks for a vote after too many consecutive misses. The ring is the Active silos ordered by
/// <see cref="SiloAddress.UniformHash"/>; each round probes the next <see cref="ClusterMembershipOptions.NumProbedSilos"/> silos after
/// this one (wrapping). Miss counts reset on success and are forgotten for silos no longer probed. Rounds never overlap (the owner
/// skips a tick while one runs), so the counts need no lock.
/// </summary>
internal sealed class FailureDetector
{
    private readonly SiloAddress _self;
    private readonly ISiloMessenger _messenger;
    private readonly ClusterMembershipOptions _options;
    private readonly Func<SiloAddress, CancellationToken, Task> _suspect;
    private readonly ILogger _logger;
    private readonly Dictionary<SiloAddress, int> _misses = [];

    /// <summary>Initializes a new instance of the <see cref="FailureDetector"/> class.</summary>
    /// <param name="self">This silo.</param>
    /// <param name="messenger">How to probe.</param>
    /// <param name="options">The timings and limits.</param>
    /// <param name="suspect">Casts this silo's vote against a silo (reads and writes the table).</param>
    /// <param name="logger">The logger.</param>
    public FailureDetector(SiloAddress self, ISiloMessenger messenger, ClusterMembershipOptions options, Func<SiloAddress, CancellationToken, Task> suspect, ILogger logger)
    {
        _self = self;
        _messenger = messenger;
        _options = options;
        _suspect = suspect;
        _logger = logger;
    }

    /// <summary>Gets the consecutive misses of a silo (tests).</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>The count.</returns>
    public int MissesOf(SiloAddress silo) => _misses.GetValueOrDefault(silo);

    /// <summary>Chooses the silos to probe: the next <paramref name="count"/> Active silos after <paramref name="self"/> on the hash ring.</summary>
    /// <param name="view">The view.</param>
    /// <param name="self">The prober.</param>
    /// <param name="count">How many.</param>
    /// <returns>The successors; empty if <paramref name="self"/> is not Active.</returns>
    public static List<SiloAddress> SelectTargets(MembershipView view, SiloAddress self, int count)
    {
        var ring = new List<SiloAddress>(view.ActiveSilos);
        ring.Sort(static (a, b) => a.UniformHash != b.UniformHash ? a.UniformHash.CompareTo(b.UniformHash) : a.CompareTo(b));
        int index = ring.IndexOf(self);
        var targets = new List<SiloAddress>(Math.Min(count, Math.Max(0, ring.Count - 1)));
        if (index < 0)
        {
            return targets;
        }

        for (int step = 1; step < ring.Count && targets.Count < count; step++)
        {
            targets.Add(ring[(index + step) % ring.Count]);
        }

        return targets;
    }

    /// <summary>Runs one round: probes the successors in parallel and votes against those that reached the miss limit.</summary>
    /// <param name="view">The current view.</param>
    /// <param name="cancellationToken">Cancels the round.</param>
    /// <returns>A task that completes when the round (votes included) is done.</returns>
    public async Task RunRoundAsync(MembershipView view, CancellationToken cancellationToken)
    {
        if (!view.IsActive(_self))
        {
            // A silo that is not Active does not vote (and so does not probe for votes).
            _misses.Clear();
            return;
        }

        List<SiloAddress> targets = SelectTargets(view, _self, _options.NumProbedSilos);
        ForgetOthers(targets);
        var probes = new Task<bool>[targets.Count];
        for (int i = 0; i < targets.Count; i++)
        {
            probes[i] = ProbeAsync(targets[i], cancellationToken);
        }

        bool[] results = await Task.WhenAll(probes).ConfigureAwait(false);
        for (int i = 0; i < targets.Count; i++)
        {
            SiloAddress target = targets[i];
            if (results[i])
            {
                _misses.Remove(target);
                continue;
            }

            int misses = _misses.GetValueOrDefault(target) + 1;
            Log.ProbeMissed(_logger, _self, target, misses, _options.MissedProbesLimit);
            if (misses < _options.MissedProbesLimit)
            {
                _misses[target] = misses;
                continue;
            }

            // Vote, then count again from zero: a silo still unreachable is voted again (refreshing the vote) after as many misses.
            _misses.Remove(target);
            await _suspect(target, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ForgetOthers(List<SiloAddress> targets)
    {
        if (_misses.Count == 0)
        {
            return;
        }

        foreach (SiloAddress known in _misses.Keys.ToArray())
        {
            if (!targets.Contains(known))
            {
                _misses.Remove(known);
            }
        }
    }

    private async Task<bool> ProbeAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        try
        {
            return await _messenger.ProbeAsync(target, _options.ProbeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
