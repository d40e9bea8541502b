using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Joining: retire older generations of this endpoint, write Joining, reach every Active silo, write Active.</summary>
public sealed partial class MembershipAgent
{
    /// <inheritdoc/>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _joinStarted, 1) != 0)
        {
            throw new InvalidOperationException($"Silo {_self} already joined (or is joining); an agent joins once.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        CancellationToken token = linked.Token;
        await _table.InitializeAsync(token).ConfigureAwait(false);
        try
        {
            await WriteJoiningAsync(token).ConfigureAwait(false);
            await ReachActiveSilosAsync(token).ConfigureAwait(false);
            MembershipTableSnapshot? written = await WriteAsync(static (agent, table) => agent.DecideActive(table), token).ConfigureAwait(false);
            ThrowIfDead();
            StartTimers();
            Log.MembershipJoined(_logger, _self, written?.Version ?? CurrentView.Version, CurrentView.ActiveSilos.Count);
        }
        catch (Exception exception) when (Volatile.Read(ref _rowWritten) && !_dead.Task.IsCompleted && !_stopping.IsCancellationRequested)
        {
            Log.JoinFailed(_logger, exception, _self);
            await GiveUpAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WriteJoiningAsync(CancellationToken cancellationToken)
    {
        // Each write retires one older generation or writes this silo's row; repeat until this silo's row exists.
        while (!Volatile.Read(ref _rowWritten))
        {
            MembershipTableSnapshot? written = await WriteAsync(static (agent, table) => agent.DecideJoinStep(table), cancellationToken).ConfigureAwait(false);
            if (written is null)
            {
                break;
            }
        }

        Log.MembershipJoining(_logger, _self, CurrentView.Version, CurrentView.ActiveSilos.Count);
    }

    private MembershipEntry? DecideJoinStep(MembershipTableSnapshot table)
    {
        foreach (MembershipEntry entry in table.Entries)
        {
            if (!entry.Silo.Endpoint.Equals(_self.Endpoint) || entry.Status == SiloStatus.Dead)
            {
                continue;
            }

            if (entry.Silo.Generation > _self.Generation)
            {
                throw new InvalidOperationException($"Silo {_self} cannot join: a newer generation on the same endpoint, {entry.Silo}, is {entry.Status}; this process is a stale copy.");
            }

            if (entry.Silo.Generation < _self.Generation)
            {
                Log.OldGenerationDeclaredDead(_logger, _self, entry.Silo);
                return entry with { Status = SiloStatus.Dead };
            }
        }

        if (table.Find(_self) is { } own)
        {
            throw new InvalidOperationException($"Silo {_self} cannot join: the table already has its row ({own.Status}); a silo address is used once (restart with a new generation).");
        }

        DateTimeOffset now = _time.GetUtcNow();
        return new MembershipEntry
        {
            Silo = _self,
            Status = SiloStatus.Joining,
            StartTime = now,
            IAmAliveTime = now,
            SiloName = _siloName,
            HostName = _hostName,
        };
    }

    private MembershipEntry? DecideActive(MembershipTableSnapshot table)
    {
        MembershipEntry? row = table.Find(_self);
        if (row is null || row.Status == SiloStatus.Dead)
        {
            throw new InvalidOperationException($"Silo {_self} cannot become Active: the table says it is {(row is null ? "absent" : "Dead")}.");
        }

        return row.Status >= SiloStatus.Active ? null : row with { Status = SiloStatus.Active, IAmAliveTime = _time.GetUtcNow() };
    }

    /// <summary>Probes every Active silo (re-reading the table each round, skipping silos that stopped being Active) until each
    /// answered once, retrying every probe interval until the join timeout.</summary>
    private async Task ReachActiveSilosAsync(CancellationToken cancellationToken)
    {
        long start = _time.GetTimestamp();
        var reached = new HashSet<SiloAddress>();
        var pending = new List<SiloAddress>();
        while (true)
        {
            MembershipView view = await RefreshAsync(cancellationToken).ConfigureAwait(false);
            ThrowIfDead();
            pending.Clear();
            foreach (SiloAddress silo in view.ActiveSilos)
            {
                if (!silo.Equals(_self) && !reached.Contains(silo))
                {
                    pending.Add(silo);
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            var probes = new Task<bool>[pending.Count];
            for (int i = 0; i < pending.Count; i++)
            {
                probes[i] = ProbeForJoinAsync(pending[i], cancellationToken);
            }

            bool[] results = await Task.WhenAll(probes).ConfigureAwait(false);
            List<SiloAddress>? unreachable = null;
            for (int i = 0; i < pending.Count; i++)
            {
                if (results[i])
                {
                    reached.Add(pending[i]);
                }
                else
                {
                    (unreachable ??= []).Add(pending[i]);
                    Log.JoinProbeMissed(_logger, _self, pending[i], _options.JoinTimeout.TotalSeconds);
                }
            }

            if (unreachable is null)
            {
                continue;
            }

            if (_time.GetElapsedTime(start) >= _options.JoinTimeout)
            {
                throw new InvalidOperationException(
                    $"Silo {_self} could not reach the active silos {string.Join(", ", unreachable)} within Caching:Silo:Membership:JoinTimeout ({_options.JoinTimeout.TotalSeconds} s), and they were not declared dead meanwhile. Check the network between silos (and that they listen on their advertised endpoints).");
            }

            await Task.Delay(_options.ProbeInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> ProbeForJoinAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        try
        {
            return await _messenger.ProbeAsync(silo, _options.ProbeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void ThrowIfDead()
    {
        if (_dead.Task.IsCompleted)
        {
            throw new InvalidOperationException($"Silo {_self} cannot join: the table says it is Dead (declared dead while joining).");
        }
    }

    /// <summary>After a failed join, marks this silo's row Dead (best effort, bounded) so peers neither wait for nor probe it.</summary>
    private async Task GiveUpAsync()
    {
        Volatile.Write(ref _leaving, true);
        using var bounded = new CancellationTokenSource(_options.JoinTimeout, _time);
        try
        {
            await WriteAsync(
                static (agent, table) => table.Find(agent._self) is { Status: < SiloStatus.Dead } row ? row with { Status = SiloStatus.Dead } : null,
                bounded.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.MembershipRefreshFailed(_logger, exception, _self);
        }

        MarkDead(CurrentView.Version);
    }
}
