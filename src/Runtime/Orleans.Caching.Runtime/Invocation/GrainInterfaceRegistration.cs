namespace Orleans.Caching.Runtime;

/// <summary>
/// Ties a grain interface to its grain type name, its reference factory and (on silos) its implementation factory.
/// Registered with DI; <see cref="IGrainFactory"/> and the silo's catalog look them up.
/// </summary>
public sealed class GrainInterfaceRegistration
{
    /// <summary>Initializes a new instance of the <see cref="GrainInterfaceRegistration"/> class.</summary>
    /// <param name="interfaceType">The grain interface.</param>
    /// <param name="grainType">The grain type name used in <see cref="GrainId"/>s.</param>
    /// <param name="createReference">Creates a reference for a grain identity and an invoker.</param>
    public GrainInterfaceRegistration(Type interfaceType, GrainType grainType, Func<GrainId, IGrainCallInvoker, object> createReference)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(createReference);
        if (!interfaceType.IsInterface || !typeof(IGrainWithStringKey).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType} is not a grain interface (an interface extending IGrainWithStringKey).", nameof(interfaceType));
        }

        InterfaceType = interfaceType;
        GrainType = grainType;
        CreateReference = createReference;
    }

    /// <summary>Gets the grain interface.</summary>
    public Type InterfaceType { get; }

    /// <summary>Gets the grain type name.</summary>
    public GrainType GrainType { get; }

    /// <summary>Gets the reference factory.</summary>
    public Func<GrainId, IGrainCallInvoker, object> CreateReference { get; }
}
