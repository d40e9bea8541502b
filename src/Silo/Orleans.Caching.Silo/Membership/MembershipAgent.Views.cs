using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Adopting views, raising <see cref="ViewChanged"/>, gossiping, and learning that this silo is dead.</summary>
public sealed partial class MembershipAgent
{
    /// <summary>Adopts a snapshot if it is newer than the current view, then raises <see cref="ViewChanged"/> (serialized, outside the lock).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="authoritative"><see langword="true"/> if it comes from the table (a read, or a write this silo just made):
    /// then a missing or Dead row of this silo, once written, means this silo is dead.</param>
    private void Adopt(MembershipTableSnapshot snapshot, bool authoritative)
    {
        bool drain = false;
        MembershipView? adopted = null;
        lock (_lock)
        {
            if (snapshot.Version > _view.Version)
            {
                adopted = new MembershipView(snapshot);
                Volatile.Write(ref _view, adopted);
                _notifications.Enqueue(adopted);
                if (!_notifying)
                {
                    _notifying = true;
                    drain = true;
                }
            }
        }

        if (adopted is not null)
        {
            Log.MembershipViewAdopted(_logger, _self, adopted.Version, adopted.ActiveSilos.Count);
        }

        if (drain)
        {
            RaiseViewChanged();
        }

        if (authoritative && Volatile.Read(ref _rowWritten) && snapshot.Find(_self) is not { Status: not SiloStatus.Dead })
        {
            MarkDead(snapshot.Version);
        }
    }

    // One caller at a time drains the queue (the one that set _notifying); others only enqueue, so handlers never run concurrently
    // and see versions in order.
    private void RaiseViewChanged()
    {
        while (true)
        {
            MembershipView view;
            lock (_lock)
            {
                if (!_notifications.TryDequeue(out view!))
                {
                    _notifying = false;
                    return;
                }
            }

            if (ViewChanged is not { } handlers)
            {
                continue;
            }

            foreach (Delegate handler in handlers.GetInvocationList())
            {
                try
                {
                    ((Action<MembershipView>)handler)(view);
                }
                catch (Exception exception)
                {
                    Log.ViewChangedHandlerFailed(_logger, exception, view.Version);
                }
            }
        }
    }

    /// <summary>Sends the current snapshot to every Joining, Active or ShuttingDown silo but this one (a silo just declared dead is
    /// told separately, by <see cref="SuspectAsync"/>).</summary>
    private void GossipCurrent()
    {
        MembershipTableSnapshot snapshot = CurrentView.Snapshot;
        foreach (MembershipEntry entry in snapshot.Entries)
        {
            if (entry.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown && !entry.Silo.Equals(_self))
            {
                GossipTo(entry.Silo, snapshot);
            }
        }
    }

    private void GossipTo(SiloAddress silo, MembershipTableSnapshot snapshot)
    {
        try
        {
            _messenger.Gossip(silo, snapshot);
        }
        catch (Exception exception)
        {
            Log.GossipFailed(_logger, exception, _self, snapshot.Version, silo);
        }
    }

    private void MarkDead(long version)
    {
        if (!_dead.TrySetResult())
        {
            return;
        }

        if (!Volatile.Read(ref _leaving))
        {
            // Leaving (or giving up a join) writes this silo's own row Dead and logs that it left; only a death this silo did not
            // choose is a warning.
            Log.SiloIsDead(_logger, _self, version);
        }

        StopTimers();
    }
}
