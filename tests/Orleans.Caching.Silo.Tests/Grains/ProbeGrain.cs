using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Tests.Grains;

/// <summary>A grain reporting its lifecycle to <see cref="GrainProbe"/>: activation number, state read at activation, deactivation reason.</summary>
public sealed class ProbeGrain : Grain, IProbeGrain
{
    public static readonly GrainType GrainType = new("test-probe");

    private readonly GrainProbe _probe;

    public ProbeGrain(GrainProbe probe)
    {
        _probe = probe;
        ActivationNumber = probe.NextActivationNumber();
    }

    /// <summary>Gets a number unique to this activation (later activations have larger numbers).</summary>
    public int ActivationNumber { get; }

    /// <summary>Gets the state read from storage during activation.</summary>
    public string? Loaded { get; private set; }

    /// <summary>Gets or sets the size the memory budget counts.</summary>
    public long Size { get; set; }

    public int Value { get; set; }

    public override long EstimatedSize => Size;

    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddSingleton(new GrainInterfaceRegistration(typeof(IProbeGrain), GrainType, static (id, invoker) => new ProbeGrainReference(id, invoker)));
        services.AddSingleton(new GrainClassRegistration(GrainType, typeof(IProbeGrain), static (sp, _) => new ProbeGrain(sp.GetRequiredService<GrainProbe>())));
        return services;
    }

    public ValueTask<T> CallAsync<T>(ProbeRequest<T> request, CancellationToken cancellationToken = default)
        => request.InvokeAsync(this, cancellationToken);

    public override async ValueTask OnActivateAsync(CancellationToken cancellationToken)
    {
        _probe.RecordActivation(GrainId);
        if (_probe.ActivationGate is { } gate)
        {
            await gate.PassAsync(cancellationToken);
        }

        if (_probe.ActivationFailure?.Invoke(GrainId) is { } failure)
        {
            throw failure;
        }

        if (_probe.LoadState)
        {
            var record = await Context.Storage.ReadAsync(GrainId, cancellationToken);
            Loaded = record.Value is null ? null : System.Text.Encoding.UTF8.GetString(record.Value);
        }
    }

    public override ValueTask OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _probe.RecordDeactivation(GrainId, reason, ActivationNumber);
        return ValueTask.CompletedTask;
    }
}
