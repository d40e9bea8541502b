using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The request of <see cref="IMemoizeVersionGrain.RefreshAsync"/>.</summary>
public sealed class MemoizeVersionRefreshRequest : GrainRequest<bool>
{
    /// <summary>Initializes a new instance of the <see cref="MemoizeVersionRefreshRequest"/> class.</summary>
    /// <param name="entryTimeToLive">The time-to-live of the entry just written; <see langword="null"/> never expires.</param>
    public MemoizeVersionRefreshRequest(TimeSpan? entryTimeToLive)
    {
        EntryTimeToLive = entryTimeToLive;
    }

    /// <summary>Gets the argument <c>entryTimeToLive</c>: the time-to-live of the entry just written; <see langword="null"/> never expires.</summary>
    public TimeSpan? EntryTimeToLive { get; }

    /// <inheritdoc/>
    public override string MethodName => nameof(IMemoizeVersionGrain.RefreshAsync);

    /// <inheritdoc/>
    public override Type InterfaceType => typeof(IMemoizeVersionGrain);

    /// <inheritdoc/>
    public override bool IsIdempotent => true;

    /// <inheritdoc/>
    public override int ArgumentCount => 1;

    /// <inheritdoc/>
    public override object? GetArgument(int index) => index switch
    {
        0 => EntryTimeToLive,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <inheritdoc/>
    public override async ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken)
    {
        await ((IMemoizeVersionGrain)grain).RefreshAsync(EntryTimeToLive, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
