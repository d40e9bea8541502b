namespace Orleans.Caching.Runtime;

/// <summary>Tells a silo how to create the grain instance behind a grain type. Registered with DI on silos.</summary>
public sealed class GrainClassRegistration
{
    /// <summary>Initializes a new instance of the <see cref="GrainClassRegistration"/> class.</summary>
    /// <param name="grainType">The grain type name.</param>
    /// <param name="interfaceType">The grain interface the class implements (requests are typed on it).</param>
    /// <param name="factory">Creates an instance for a new activation.</param>
    public GrainClassRegistration(GrainType grainType, Type interfaceType, Func<IServiceProvider, GrainId, Grain> factory)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(factory);
        GrainType = grainType;
        InterfaceType = interfaceType;
        Factory = factory;
    }

    /// <summary>Gets the grain type name.</summary>
    public GrainType GrainType { get; }

    /// <summary>Gets the grain interface.</summary>
    public Type InterfaceType { get; }

    /// <summary>Gets the factory of grain instances.</summary>
    public Func<IServiceProvider, GrainId, Grain> Factory { get; }
}
