using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>A queued <see cref="GrainRequest{TResult}"/> and the completion its caller awaits.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class PendingRequest<TResult> : PendingRequest
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActivationCatalog _catalog;
    private readonly GrainId _target;
    private readonly GrainRequest<TResult> _request;
    private readonly CancellationToken _cancellationToken;
    private CancellationTokenRegistration _registration;

    public PendingRequest(ActivationCatalog catalog, GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        _catalog = catalog;
        _target = target;
        _request = request;
        _cancellationToken = cancellationToken;
    }

    public override bool IsReadOnly => _request.IsReadOnly;

    public override string MethodName => _request.MethodName;

    /// <summary>Gets the task the caller awaits.</summary>
    public Task<TResult> Task => _completion.Task;

    public override void RegisterCancellation()
    {
        if (_cancellationToken.CanBeCanceled)
        {
            _registration = _cancellationToken.UnsafeRegister(static state => ((PendingRequest<TResult>)state!).OnCancelled(), this);
        }
    }

    public override void Execute() => _ = RunAsync();

    public override void Reject(Exception exception)
    {
        _registration.Dispose();
        _completion.TrySetException(exception);
    }

    public override void Redispatch()
    {
        _registration.Dispose();
        _ = CompleteFromAsync(_catalog.InvokeOnceAsync(_target, _request, rerun: true, _cancellationToken));
    }

    private async Task RunAsync()
    {
        _registration.Dispose();
        await CompleteFromAsync(Owner!.RunTurnAsync(_request, _cancellationToken)).ConfigureAwait(false);
    }

    private async Task CompleteFromAsync(ValueTask<TResult> call)
    {
        try
        {
            _completion.TrySetResult(await call.ConfigureAwait(false));
        }
        catch (OperationCanceledException ex) when (_cancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            _completion.TrySetException(ex);
        }
    }

    private void OnCancelled()
    {
        if (Owner?.TryRemoveQueued(this) == true)
        {
            _completion.TrySetCanceled(_cancellationToken);
        }
    }
}
