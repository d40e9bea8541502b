using System.Collections.Frozen;

namespace Orleans.Caching.Runtime;

/// <summary>Hands out grain references bound to an <see cref="IGrainCallInvoker"/>, from <see cref="GrainInterfaceRegistration"/>s: the silo's
/// (local delivery) and the cluster client's (calls sent to the owning silo).</summary>
public sealed class GrainFactory : IGrainFactory
{
    private readonly FrozenDictionary<Type, GrainInterfaceRegistration> _interfaces;
    private readonly IGrainCallInvoker _invoker;

    /// <summary>Initializes a new instance of the <see cref="GrainFactory"/> class.</summary>
    /// <param name="registrations">The grain interfaces it can hand out; a later registration of an interface replaces an earlier one.</param>
    /// <param name="invoker">Delivers the calls of the references.</param>
    public GrainFactory(IEnumerable<GrainInterfaceRegistration> registrations, IGrainCallInvoker invoker)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var byInterface = new Dictionary<Type, GrainInterfaceRegistration>();
        foreach (var registration in registrations)
        {
            // A later registration of the same interface replaces an earlier one, as DI overrides do.
            byInterface[registration.InterfaceType] = registration;
        }

        _interfaces = byInterface.ToFrozenDictionary();
        _invoker = invoker ?? throw new ArgumentNullException(nameof(invoker));
    }

    /// <inheritdoc/>
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_interfaces.TryGetValue(typeof(TGrainInterface), out var registration))
        {
            throw new ArgumentException(
                $"The grain interface {typeof(TGrainInterface).FullName} is not registered (a GrainInterfaceRegistration in the services).", nameof(TGrainInterface));
        }

        return (TGrainInterface)registration.CreateReference(new GrainId(registration.GrainType, key), _invoker);
    }
}
