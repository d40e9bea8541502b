namespace Orleans.Caching.Runtime;

/// <summary>Hands out references to grains. A reference is cheap and needs no activation: the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    /// <summary>Gets a reference to the grain of interface <typeparamref name="TGrainInterface"/> with key <paramref name="key"/>.</summary>
    /// <typeparam name="TGrainInterface">A grain interface registered with the runtime.</typeparam>
    /// <param name="key">The grain key.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">The interface is not registered.</exception>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;
}
