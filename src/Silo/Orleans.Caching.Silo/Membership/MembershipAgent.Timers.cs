using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>The periodic work of an Active silo: IAmAlive, table refresh (with defunct-row cleanup), and failure detection.</summary>
public sealed partial class MembershipAgent
{
    private ITimer? _iAmAliveTimer;
    private ITimer? _refreshTimer;
    private ITimer? _probeTimer;
    private bool _timersStopped;
    private int _iAmAliveBusy;
    private int _refreshBusy;
    private int _probeBusy;

    private void StartTimers()
    {
        lock (_lock)
        {
            if (_timersStopped || _disposed)
            {
                return;
            }

            _iAmAliveTimer = _time.CreateTimer(static s => ((MembershipAgent)s!).OnIAmAliveTick(), this, _options.IAmAliveInterval, _options.IAmAliveInterval);
            _refreshTimer = _time.CreateTimer(static s => ((MembershipAgent)s!).OnRefreshTick(), this, _options.TableRefreshInterval, _options.TableRefreshInterval);
            _probeTimer = _time.CreateTimer(static s => ((MembershipAgent)s!).OnProbeTick(), this, _options.ProbeInterval, _options.ProbeInterval);
        }
    }

    private void StopTimers()
    {
        ITimer? iAmAlive, refresh, probe;
        lock (_lock)
        {
            _timersStopped = true;
            (iAmAlive, refresh, probe) = (_iAmAliveTimer, _refreshTimer, _probeTimer);
            (_iAmAliveTimer, _refreshTimer, _probeTimer) = (null, null, null);
        }

        iAmAlive?.Dispose();
        refresh?.Dispose();
        probe?.Dispose();
    }

    // Each tick starts a round unless the previous round of the same kind still runs (rounds never overlap); the round clears its flag.
    private void OnIAmAliveTick()
    {
        if (TryEnter(ref _iAmAliveBusy))
        {
            Track(WriteIAmAliveAsync());
        }
    }

    private void OnRefreshTick()
    {
        if (TryEnter(ref _refreshBusy))
        {
            Track(RefreshRoundAsync());
        }
    }

    private void OnProbeTick()
    {
        if (TryEnter(ref _probeBusy))
        {
            Track(ProbeRoundAsync());
        }
    }

    private bool TryEnter(ref int busy) => !Volatile.Read(ref _timersStopped) && Interlocked.CompareExchange(ref busy, 1, 0) == 0;

    private async Task WriteIAmAliveAsync()
    {
        try
        {
            await _table.UpdateIAmAliveAsync(_self, _time.GetUtcNow(), _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            Log.IAmAliveFailed(_logger, exception, _self);
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            Volatile.Write(ref _iAmAliveBusy, 0);
        }
    }

    private async Task RefreshRoundAsync()
    {
        try
        {
            MembershipView view = await RefreshAsync(_stopping.Token).ConfigureAwait(false);
            await CleanupDefunctAsync(view).ConfigureAwait(false);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            Log.MembershipRefreshFailed(_logger, exception, _self);
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            Volatile.Write(ref _refreshBusy, 0);
        }
    }

    /// <summary>The first Active silo (by address) deletes Dead rows older than the defunct expiration, when there are any.</summary>
    private async Task CleanupDefunctAsync(MembershipView view)
    {
        if (view.ActiveSilos.Count == 0 || !view.ActiveSilos[0].Equals(_self))
        {
            return;
        }

        DateTimeOffset cutoff = _time.GetUtcNow() - _options.DefunctSiloExpiration;
        bool any = false;
        foreach (MembershipEntry entry in view.Snapshot.Entries)
        {
            any |= entry.Status == SiloStatus.Dead && entry.IAmAliveTime < cutoff;
        }

        if (!any)
        {
            return;
        }

        int deleted = await _table.CleanupDefunctAsync(cutoff, _stopping.Token).ConfigureAwait(false);
        if (deleted > 0)
        {
            Log.DefunctSilosDeleted(_logger, _self, deleted);
            await RefreshAsync(_stopping.Token).ConfigureAwait(false);
            GossipCurrent();
        }
    }

    private async Task ProbeRoundAsync()
    {
        try
        {
            await _detector.RunRoundAsync(CurrentView, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            Log.FailureDetectionFailed(_logger, exception, _self);
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            Volatile.Write(ref _probeBusy, 0);
        }
    }
}
