using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Orleans.Caching.TestingHost;

/// <summary>Starting silos and waiting for the cluster to agree.</summary>
public sealed partial class TestCluster
{
    private static readonly TimeSpan s_recheckInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Waits until the cluster is stable: every running silo is Active, and every running silo's view has the same version and lists
    /// exactly the running silos as Active.
    /// </summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>A task that completes when stable.</returns>
    /// <exception cref="TimeoutException">The cluster did not become stable in time; the message describes each silo's view.</exception>
    public async Task WaitForStableAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            IReadOnlyList<TestSilo> silos = Silos;
            TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnChanged(MembershipView view) => changed.TrySetResult();
            var subscribed = new List<IClusterMembership>(silos.Count);
            try
            {
                foreach (TestSilo silo in silos)
                {
                    if (silo.ClusterSilo.Status != SiloStatus.None)
                    {
                        silo.ClusterSilo.Membership.ViewChanged += OnChanged;
                        subscribed.Add(silo.ClusterSilo.Membership);
                    }
                }

                if (IsStable(silos))
                {
                    return;
                }

                // A view change wakes the wait at once; the short re-check covers silos that start meanwhile.
                await Task.WhenAny(changed.Task, Task.Delay(s_recheckInterval, deadline.Token)).ConfigureAwait(false);
                if (deadline.IsCancellationRequested)
                {
                    throw new TimeoutException($"The test cluster did not become stable within {timeout}: {Describe(silos)}");
                }
            }
            finally
            {
                foreach (IClusterMembership membership in subscribed)
                {
                    membership.ViewChanged -= OnChanged;
                }
            }
        }
    }

    private static bool IsStable(IReadOnlyList<TestSilo> silos)
    {
        if (silos.Count == 0)
        {
            return true;
        }

        long? version = null;
        foreach (TestSilo silo in silos)
        {
            if (silo.ClusterSilo.Status != SiloStatus.Active)
            {
                return false;
            }

            MembershipView view = silo.ClusterSilo.Membership.CurrentView;
            if ((version ??= view.Version) != view.Version || view.ActiveSilos.Count != silos.Count)
            {
                return false;
            }

            foreach (TestSilo other in silos)
            {
                if (!view.IsActive(other.Address))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Describe(IReadOnlyList<TestSilo> silos)
        => string.Join("; ", silos.Select(s => s.ClusterSilo.Status == SiloStatus.None
            ? $"{s.Name}: not started"
            : $"{s.Name} {s.Address} {s.ClusterSilo.Status}, view {s.ClusterSilo.Membership.CurrentView.Version} active [{string.Join(", ", s.ClusterSilo.Membership.CurrentView.ActiveSilos)}]"));

    private async Task<TestSilo> StartSiloAsync()
    {
        var context = new TestSiloContext(Interlocked.Increment(ref _nextIndex) - 1, string.Empty);
        context = context with { Name = "silo-" + context.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        WebApplication host = BuildSilo(context);
        var silo = new TestSilo(context, host);
        lock (_lock)
        {
            _silos.Add(silo);
        }

        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                silo.IsStopped = true;
            }

            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return silo;
    }

    private WebApplication BuildSilo(TestSiloContext context)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });

        // Only the test's settings: no appsettings.json, environment variables or command line of the test process.
        builder.Configuration.Sources.Clear();
        Dictionary<string, string?> settings = _builder.DefaultSettings(context, _primaryPort);
        foreach (Action<TestSiloContext, IDictionary<string, string?>> configure in _builder.Settings)
        {
            configure(context, settings);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        foreach (Action<TestSiloContext, IConfigurationBuilder> configure in _builder.Configuration)
        {
            configure(context, builder.Configuration);
        }

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (!_builder.UseStaticMembership)
        {
            builder.Services.AddSingleton<IMembershipTable>(MembershipTable);
        }

        foreach (Action<TestSiloContext, IServiceCollection> configure in _builder.Services)
        {
            configure(context, builder.Services);
        }

        builder.AddOrleansCachingSiloHostDefaults();
        builder.AddOrleansCachingSilo();
        builder.AddOrleansCachingDashboard();
        WebApplication app = builder.Build();
        app.MapOrleansCachingDashboard();
        return app;
    }
}
