using System.Net;

namespace Orleans.Caching.Runtime;

public sealed partial class ClusterClient
{
    /// <summary>Refreshes the view now from the silos (or, when none answers, the gateways); a refresh already running is shared.</summary>
    /// <param name="cancellationToken">Cancels waiting (the refresh goes on).</param>
    /// <returns>A task that completes when the refresh has finished; <see cref="CurrentView"/> is then the newest view found.</returns>
    public Task RefreshAsync(CancellationToken cancellationToken) => RefreshViewAsync(null).WaitAsync(cancellationToken);

    /// <summary>Refreshes the view now: asks the silos of the current view (<paramref name="preferred"/> first, suspected ones last), then
    /// the gateways when none answers. Only one refresh runs at a time; a caller arriving meanwhile waits for it. Never throws.</summary>
    /// <param name="preferred">A silo known to have a newer view (it answered with a newer version), or <see langword="null"/>.</param>
    /// <returns>A task that completes when the refresh has finished.</returns>
    internal Task RefreshViewAsync(SiloAddress? preferred)
    {
        while (true)
        {
            Task? running = Volatile.Read(ref _refresh);
            if (running is not null && !running.IsCompleted)
            {
                return running;
            }

            var refresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _refresh, refresh.Task, running) == running)
            {
                _ = RunRefreshAsync(preferred, refresh);
                return refresh.Task;
            }
        }
    }

    /// <summary>Adopts a snapshot if it is newer than the current view.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="source">The silo it came from, for logs.</param>
    /// <returns><see langword="true"/> if adopted.</returns>
    internal bool Adopt(MembershipTableSnapshot snapshot, SiloAddress? source)
    {
        MembershipView? next = null;
        while (true)
        {
            MembershipView current = Volatile.Read(ref _view);
            if (snapshot.Version <= current.Version)
            {
                return false;
            }

            next ??= new MembershipView(snapshot);
            if (Interlocked.CompareExchange(ref _view, next, current) == current)
            {
                break;
            }
        }

        Log.ViewAdopted(_logger, next.Version, next.ActiveSilos.Count, source?.ToString() ?? "a gateway");
        DropDeadSilos(next);
        try
        {
            ViewChanged?.Invoke(next);
        }
        catch (Exception ex)
        {
            Log.ViewChangedHandlerFailed(_logger, ex, next.Version);
        }

        return true;
    }

    private async Task RunRefreshAsync(SiloAddress? preferred, TaskCompletionSource refresh)
    {
        try
        {
            MembershipView view = CurrentView;
            var candidates = new List<SiloAddress>(view.ActiveSilos.Count + 1);
            if (preferred is not null)
            {
                candidates.Add(preferred);
            }

            var suspects = new List<SiloAddress>();
            foreach (SiloAddress silo in view.ActiveSilos)
            {
                if (!silo.Equals(preferred))
                {
                    (IsSuspect(silo) ? suspects : candidates).Add(silo);
                }
            }

            candidates.AddRange(suspects);
            foreach (SiloAddress silo in candidates)
            {
                if (_disposed.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    FrameConnection connection = await GetConnectionAsync(silo, _disposed.Token).ConfigureAwait(false);
                    Adopt(await RequestSnapshotAsync(connection, _disposed.Token).ConfigureAwait(false), silo);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_disposed.IsCancellationRequested)
                {
                    MarkSuspect(silo, ex);
                }
            }

            await RefreshFromGatewaysAsync(throwOnFailure: false, _disposed.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.RefreshFailed(_logger, ex);
        }
        finally
        {
            refresh.TrySetResult();
        }
    }

    /// <summary>Reads the snapshot from the first gateway that answers.</summary>
    private async Task<bool> RefreshFromGatewaysAsync(bool throwOnFailure, CancellationToken cancellationToken)
    {
        (List<IPEndPoint> endpoints, List<string> failures) = await ClusterGateways.ResolveAsync(_options.Gateways, cancellationToken).ConfigureAwait(false);
        Exception? last = null;
        foreach (IPEndPoint endpoint in endpoints)
        {
            FrameConnection connection;
            try
            {
                connection = await ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionClosedException ex)
            {
                failures.Add($"{endpoint}: {ex.Message}");
                last = ex;
                continue;
            }

            bool adopted = false;
            try
            {
                MembershipTableSnapshot snapshot = await RequestSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
                Adopt(snapshot, null);
                adopted = AdoptGatewayConnection(connection, snapshot);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{endpoint}: {ex.Message}");
                last = ex;
            }
            finally
            {
                if (!adopted)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        string message = $"No gateway of Caching:Cluster:Gateways ({string.Join(", ", _options.Gateways)}) could be reached: {string.Join("; ", failures)}.";
        if (throwOnFailure)
        {
            throw new GrainCallRejectedException(RejectionReason.Unavailable, message, last);
        }

        Log.GatewaysUnreachable(_logger, last, message);
        return false;
    }

    /// <summary>Keeps a gateway connection as the connection to the Active silo listening on that endpoint.</summary>
    private bool AdoptGatewayConnection(FrameConnection connection, MembershipTableSnapshot snapshot)
    {
        if (connection.RemoteEndPoint is not IPEndPoint remote)
        {
            return false;
        }

        foreach (MembershipEntry entry in snapshot.Entries)
        {
            if (entry.Status == SiloStatus.Active && entry.Silo.Endpoint.Equals(remote))
            {
                connection.Tag = entry.Silo;
                return _slots.GetOrAdd(entry.Silo, s_createSlot).TryAdopt(connection);
            }
        }

        return false;
    }

    /// <summary>Asks a silo for its membership snapshot (a MembershipUpdate frame with an empty body).</summary>
    private async Task<MembershipTableSnapshot> RequestSnapshotAsync(FrameConnection connection, CancellationToken cancellationToken)
    {
        var call = new MembershipSnapshotCall();
        long id = connection.SendCall<object?>(call, FrameKind.MembershipUpdate, CurrentView.Version, _responseTimeoutMilliseconds, FrameFlags.None, null, null);
        try
        {
            return await call.Reply.WaitAsync(_options.ResponseTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            connection.TryCancelCall(id);
            throw;
        }
    }

    private void OnRefreshTimer()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _ = RefreshViewAsync(null);
        }
    }
}
