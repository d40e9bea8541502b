namespace Orleans.Caching.Grains;

/// <summary>Cache-wide operations a silo performs for clients (not tied to one grain).</summary>
public interface ICacheSiloControl
{
    /// <summary>Clears the silo's storage (prefix-scoped where the backend allows) and drops its cache activations.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if storage reported the clear as done.</returns>
    ValueTask<bool> ClearAsync(CancellationToken cancellationToken);
}
