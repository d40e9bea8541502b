using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// Registers a system target with a cluster silo's services: the object that runs calls addressed to grain type <see cref="Type"/>
/// (a <c>sys.</c> type, see <see cref="SystemTargets"/>) on this silo. The silo creates it once and runs each request's
/// <see cref="GrainRequest{TResult}.InvokeAsync"/> on it directly, concurrently, outside the activation catalog.
/// </summary>
public sealed class SystemTargetRegistration
{
    /// <summary>Initializes a new instance of the <see cref="SystemTargetRegistration"/> class.</summary>
    /// <param name="type">The system target's grain type (starting with <see cref="SystemTargets.TypePrefix"/>).</param>
    /// <param name="create">Creates the target from the silo's services.</param>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a system target type.</exception>
    public SystemTargetRegistration(GrainType type, Func<IServiceProvider, object> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!SystemTargets.IsSystemTarget(type))
        {
            throw new ArgumentException($"'{type}' is not a system target type (it must start with '{SystemTargets.TypePrefix}').", nameof(type));
        }

        Type = type;
        Create = create;
    }

    /// <summary>Gets the system target's grain type.</summary>
    public GrainType Type { get; }

    /// <summary>Gets the factory of the target object.</summary>
    public Func<IServiceProvider, object> Create { get; }
}
