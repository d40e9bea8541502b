using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Conditional table writes and suspicion votes.</summary>
public sealed partial class MembershipAgent
{
    /// <summary>
    /// Reads the table, asks <paramref name="decide"/> for the row to write (or <see langword="null"/> for nothing), writes it conditioned on
    /// the version read, and on a conflict starts over (bounded). After a write it adopts the result and gossips it.
    /// </summary>
    /// <param name="decide">Chooses the row from the table just read; may throw to abort.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The table after the write, or <see langword="null"/> if <paramref name="decide"/> chose nothing.</returns>
    /// <exception cref="InvalidOperationException">The table kept moving for <see cref="MaxWriteAttempts"/> attempts.</exception>
    private async Task<MembershipTableSnapshot?> WriteAsync(Func<MembershipAgent, MembershipTableSnapshot, MembershipEntry?> decide, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            MembershipTableSnapshot table = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            Adopt(table, authoritative: true);
            MembershipEntry? entry = decide(this, table);
            if (entry is null)
            {
                return null;
            }

            if (await _table.TryWriteAsync(entry, table.Version, cancellationToken).ConfigureAwait(false))
            {
                MembershipTableSnapshot written = WithRow(table, entry);
                if (entry.Silo.Equals(_self))
                {
                    Volatile.Write(ref _rowWritten, true);
                }

                Adopt(written, authoritative: true);
                GossipCurrent();
                return written;
            }

            Log.MembershipWriteConflict(_logger, _self, table.Version, attempt);
            if (attempt >= MaxWriteAttempts)
            {
                throw new InvalidOperationException($"Silo {_self} could not write its membership change: the table changed under {attempt} attempts in a row.");
            }
        }
    }

    /// <summary>The table a successful conditional write produced: the row replaced (or added), the version one higher.</summary>
    private static MembershipTableSnapshot WithRow(MembershipTableSnapshot table, MembershipEntry entry)
    {
        var entries = new List<MembershipEntry>(table.Entries.Count + 1);
        foreach (MembershipEntry existing in table.Entries)
        {
            if (!existing.Silo.Equals(entry.Silo))
            {
                entries.Add(existing);
            }
        }

        entries.Add(entry);
        return new MembershipTableSnapshot(table.Version + 1, entries);
    }

    /// <summary>Casts this silo's vote that <paramref name="target"/> is dead, declaring it Dead if the fresh votes suffice.</summary>
    private async Task SuspectAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        MembershipTableSnapshot? written = await WriteAsync((agent, table) => agent.DecideVote(table, target), cancellationToken).ConfigureAwait(false);
        if (written?.Find(target) is not { } row)
        {
            return;
        }

        if (row.Status == SiloStatus.Dead)
        {
            Log.SiloDeclaredDead(_logger, _self, target, row.Suspicions.Count);
        }
        else
        {
            Log.SuspicionVoted(_logger, _self, target, row.Suspicions.Count, RequiredVotes(written, target));
        }
    }

    private MembershipEntry? DecideVote(MembershipTableSnapshot table, SiloAddress target)
    {
        if (target.Equals(_self) || table.Find(_self) is not { Status: SiloStatus.Active } || table.Find(target) is not { Status: not SiloStatus.Dead } row)
        {
            return null;
        }

        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset cutoff = now - _options.DeathVoteExpiration;
        var votes = new List<SuspicionVote>(row.Suspicions.Count + 1);
        foreach (SuspicionVote vote in row.Suspicions)
        {
            if (vote.Time >= cutoff && !vote.Suspecter.Equals(_self))
            {
                votes.Add(vote);
            }
        }

        votes.Add(new SuspicionVote(_self, now));
        SiloStatus status = votes.Count >= RequiredVotes(table, target) ? SiloStatus.Dead : row.Status;
        return row with { Status = status, Suspicions = votes };
    }

    /// <summary>The votes that declare <paramref name="target"/> dead: the configured number, at most the other Active silos, at least one.</summary>
    private int RequiredVotes(MembershipTableSnapshot table, SiloAddress target)
    {
        int otherActive = 0;
        foreach (MembershipEntry entry in table.Entries)
        {
            if (entry.Status == SiloStatus.Active && !entry.Silo.Equals(target))
            {
                otherActive++;
            }
        }

        return Math.Max(1, Math.Min(_options.NumVotesForDeathDeclaration, otherActive));
    }
}
