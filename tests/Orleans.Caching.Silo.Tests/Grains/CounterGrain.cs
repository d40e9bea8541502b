using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Tests.Grains;

/// <summary>The implementation; records overlapping turns so tests can prove the scheduler runs one write at a time.</summary>
internal sealed class CounterGrain(TurnMonitor monitor) : Grain, ICounterGrain
{
    public static readonly GrainType GrainType = new("test-counter");

    private bool _inTurn;
    private int _count;

    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddSingleton(new GrainInterfaceRegistration(typeof(ICounterGrain), GrainType, static (id, invoker) => new CounterGrainReference(id, invoker)));
        services.AddSingleton(new GrainClassRegistration(GrainType, typeof(ICounterGrain), static (sp, _) => new CounterGrain(sp.GetRequiredService<TurnMonitor>())));
        return services;
    }

    public async ValueTask<int> IncrementAsync(CancellationToken cancellationToken = default)
    {
        if (_inTurn)
        {
            monitor.RecordOverlap();
        }

        _inTurn = true;
        int before = _count;

        // Continuations after an await belong to the same turn: nothing else may run in between.
        await Task.Yield();
        _count = before + 1;
        _inTurn = false;
        return _count;
    }

    public ValueTask<int> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_count);
}
