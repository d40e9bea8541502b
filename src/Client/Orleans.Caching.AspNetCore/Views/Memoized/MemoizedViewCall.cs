using Microsoft.AspNetCore.Http;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// One request of a memoized view. The memoize engine runs the whole call (<c>unless</c>, key, read, <c>is_stale</c>, store, version
/// refresh), but MVC runs the action inside the action filter and its result only after that filter returns, so the engine runs beside
/// the request: on a hit <see cref="StartAsync"/> returns the stored response; on a miss the engine's "call the function" step signals
/// the filter to run the view (under a <see cref="ResponseCapture"/>) and waits for <see cref="FinishAsync"/>, called by the resource
/// filter once the result has executed, to hand it the captured response (or <see langword="null"/> when the view failed).
/// </summary>
internal sealed class MemoizedViewCall
{
    private readonly MemoizedView _view;
    private readonly HttpContext _context;
    private readonly object?[] _arguments;
    private readonly TaskCompletionSource _miss = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CachedViewResponse?> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<object?>? _engine;
    private ResponseCapture? _capture;

    /// <summary>Initializes a new instance of the <see cref="MemoizedViewCall"/> class.</summary>
    /// <param name="view">The view.</param>
    /// <param name="context">The request.</param>
    /// <param name="arguments">The bound arguments in parameter order.</param>
    public MemoizedViewCall(MemoizedView view, HttpContext context, object?[] arguments)
    {
        _view = view;
        _context = context;
        _arguments = arguments;
    }

    /// <summary>Runs the engine up to its read: returns the stored response on a hit; on a miss (or <c>unless</c>, a forced update, a
    /// stale hit, a cache failure) installs the capture and returns <see langword="null"/>, and the view must run.</summary>
    /// <returns>The stored response, or <see langword="null"/>.</returns>
    public async Task<CachedViewResponse?> StartAsync()
    {
        var binding = new MemoizeBinding(_view.Descriptor, (Func<ValueTask<object?>>)RunAsync, Instance: null);
        _engine = MemoizeEngine.InvokeAsync(binding, _arguments, _context.RequestAborted).AsTask();
        await Task.WhenAny(_engine, _miss.Task).ConfigureAwait(false);
        if (!_miss.Task.IsCompleted && await _engine.ConfigureAwait(false) is CachedViewResponse stored)
        {
            return stored;
        }

        _capture = new ResponseCapture(_context, _view.MaximumBodySize);
        return null;
    }

    /// <summary>Ends a miss after the result executed: hands the captured response to the engine and waits for it to be stored.</summary>
    /// <param name="succeeded">Whether the view completed without an unhandled exception.</param>
    /// <returns>A task that completes when the engine is done.</returns>
    public async Task FinishAsync(bool succeeded)
    {
        if (_capture is null || _engine is null)
        {
            return;
        }

        CachedViewResponse? response = null;
        try
        {
            await _capture.FinishAsync().ConfigureAwait(false);
            if (succeeded)
            {
                response = _capture.ToResponse(_context.Response, out string? reason);
                if (reason is not null)
                {
                    Log.ViewResponseNotCached(_view.Logger, _context.Request.Path.Value ?? string.Empty, reason);
                }
            }
        }
        finally
        {
            _capture.Restore();
            _response.TrySetResult(response);
        }

        try
        {
            await _engine.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to store, nobody to tell.
        }
        catch (Exception ex)
        {
            Log.MemoizedViewNotStored(_view.Logger, InterceptionPlan.Describe(_view.Method), ex);
        }
    }

    private async ValueTask<object?> RunAsync()
    {
        _miss.TrySetResult();
        return await _response.Task.ConfigureAwait(false);
    }
}
