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
        lock (_lock)
        {
            if (snapshot.Version > _view.Version)
            {
                var view = new MembershipView(snapshot);
                Volatile.Write(ref _view, view);
                _notifications.Enqueue(view);
                Log.MembershipViewAdopted(_logger, _self, view.Version, view.ActiveSilos.Count);
                if (!_notifying)
                {
                    _notifying = true;
                    drain = true;
                }
            }
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

    /// <summary>Sends the current snapshot to every Joining, Active or ShuttingDown silo but this one.</summary>
    private void GossipCurrent()
    {
        MembershipTableSnapshot snapshot = CurrentView.Snapshot;
        foreach (MembershipEntry entry in snapshot.Entries)
        {
            if (entry.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown && !entry.Silo.Equals(_self))
            {
                try
                {
                    _messenger.Gossip(entry.Silo, snapshot);
                }
                catch (Exception exception)
                {
                    Log.GossipFailed(_logger, exception, _self, snapshot.Version, entry.Silo);
                }
            }
        }
    }

    private void MarkDead(long version)
    {
        if (!_dead.TrySetResult())
        {
            return;
        }

        Log.SiloIsDead(_logger, _self, version);
        StopTimers();
    }
}
