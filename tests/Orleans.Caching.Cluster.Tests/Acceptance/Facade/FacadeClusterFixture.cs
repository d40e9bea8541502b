using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;
using Orleans.Caching.TestingHost;

namespace Orleans.Caching.Cluster.Tests.Acceptance.Facade;

/// <summary>
/// The cluster behind the Flask-Caching facade tests (linked from the client tests, unchanged): their harnesses are built in test
/// constructors without fixtures, so they find it through <see cref="Current"/>. <see cref="FacadeTestCollectionFactory"/> puts every
/// facade test class in <see cref="FacadeClusterCollection"/>, so they run one at a time and each test's clock can move the silos' clock.
/// </summary>
public sealed class FacadeClusterFixture : AcceptanceClusterFixture
{
    private static FacadeClusterFixture? s_current;
    private int _nextPrefix;

    public static FacadeClusterFixture Current
        => Volatile.Read(ref s_current)
            ?? throw new InvalidOperationException($"The facade tests run over a cluster only inside the '{FacadeClusterCollection.Name}' collection.");

    /// <summary>Returns a key prefix no other harness uses, so each test sees an empty cache as it would with its own silo.</summary>
    public string NextPrefix() => "t" + Interlocked.Increment(ref _nextPrefix).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";

    /// <summary>Tells whether any silo's grain storage holds a record for the grain.</summary>
    public async Task<bool> IsStoredAsync(GrainId grain)
    {
        foreach (TestSilo silo in Cluster.Silos)
        {
            if ((await silo.Services.GetRequiredService<IGrainStorage>().ReadAsync(grain, CancellationToken.None)).RecordExists)
            {
                return true;
            }
        }

        return false;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Volatile.Write(ref s_current, this);
    }

    public override async Task DisposeAsync()
    {
        Volatile.Write(ref s_current, null);
        await base.DisposeAsync();
    }
}
