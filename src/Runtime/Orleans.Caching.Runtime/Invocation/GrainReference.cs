namespace Orleans.Caching.Runtime;

/// <summary>The base of generated or hand-written grain references: a grain identity plus the invoker calls go through.</summary>
public abstract class GrainReference
{
    /// <summary>Initializes a new instance of the <see cref="GrainReference"/> class.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="invoker">Delivers the calls.</param>
    protected GrainReference(GrainId grainId, IGrainCallInvoker invoker)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        GrainId = grainId;
        Invoker = invoker;
    }

    /// <summary>Gets the grain this reference addresses.</summary>
    public GrainId GrainId { get; }

    /// <summary>Gets the invoker calls go through.</summary>
    protected IGrainCallInvoker Invoker { get; }

    /// <summary>Sends a request to the grain.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The result.</returns>
    protected ValueTask<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request, CancellationToken cancellationToken)
        => Invoker.InvokeAsync(GrainId, request, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => GrainId.ToString();
}
