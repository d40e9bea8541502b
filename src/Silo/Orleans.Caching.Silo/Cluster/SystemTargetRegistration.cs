using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// A per-silo system target (see <see cref="SystemTargets"/>): the silo creates the object once from its services and dispatches every
/// request whose grain type is <see cref="Type"/> and whose key is this silo's address to it, outside the activation catalog, by
/// calling <c>request.InvokeAsync(target, cancellationToken)</c>.
/// </summary>
public sealed class SystemTargetRegistration
{
    /// <summary>Initializes a new instance of the <see cref="SystemTargetRegistration"/> class.</summary>
    /// <param name="type">The system target's grain type (starting with <see cref="SystemTargets.TypePrefix"/>).</param>
    /// <param name="create">Creates the target object from the silo's services.</param>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a system target type.</exception>
    public SystemTargetRegistration(GrainType type, Func<IServiceProvider, object> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (type.Name is null || !SystemTargets.IsSystemTarget(type))
        {
            throw new ArgumentException($"'{type}' is not a system target type (it must start with '{SystemTargets.TypePrefix}').", nameof(type));
        }

        Type = type;
        Create = create;
    }

    /// <summary>Gets the system target's grain type.</summary>
    public GrainType Type { get; }

    /// <summary>Gets the factory of the target object (called once per silo).</summary>
    public Func<IServiceProvider, object> Create { get; }
}
