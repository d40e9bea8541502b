using System.Text.RegularExpressions;

namespace Orleans.Caching.Silo.Host.Tests;

public sealed class ComposeTests
{
    private static readonly YamlNode s_compose = YamlNode.LoadAll(RepositoryFiles.Read("docker-compose.yml"), "docker-compose.yml").Single();

    private static IEnumerable<KeyValuePair<string, YamlNode>> Services => s_compose["services"].Entries;

    private static IEnumerable<KeyValuePair<string, YamlNode>> Silos => Services.Where(s => s.Key.StartsWith("silo", StringComparison.Ordinal));

    [Fact]
    public void Compose_runs_redis_memcached_and_three_silos()
    {
        string[] names = Services.Select(s => s.Key).ToArray();

        Assert.Contains("redis", names);
        Assert.Contains("memcached", names);
        Assert.Equal(3, Silos.Count());
    }

    [Fact]
    public void Every_service_has_an_image_or_an_existing_build_context_and_dockerfile()
    {
        foreach ((string name, YamlNode service) in Services)
        {
            YamlNode build = service["build"];
            Assert.True(service["image"].Exists || build.Exists, $"{name} has neither image nor build.");
            if (build.Exists)
            {
                string context = build.IsMapping ? build["context"].RequiredText() : build.RequiredText();
                Assert.True(Directory.Exists(RepositoryFiles.PathOf(context)), $"{name}: build context '{context}' does not exist.");
                string dockerfile = build["dockerfile"].Text ?? "Dockerfile";
                Assert.True(File.Exists(Path.Combine(RepositoryFiles.PathOf(context), dockerfile)), $"{name}: dockerfile '{dockerfile}' does not exist.");
            }
        }
    }

    [Fact]
    public void Every_service_has_a_healthcheck_and_silos_probe_readiness_on_the_dashboard_port()
    {
        foreach ((string name, YamlNode service) in Services)
        {
            Assert.True(service["healthcheck"]["test"].Exists, $"{name} has no healthcheck.");
        }

        foreach ((string name, YamlNode silo) in Silos)
        {
            string test = string.Join(' ', silo["healthcheck"]["test"].Items.Select(i => i.RequiredText()));
            Assert.Contains($":{DashboardOptions.DefaultPort}/health/ready", test, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Published_host_ports_do_not_collide_and_map_to_the_dashboard_port()
    {
        var hostPorts = new List<int>();
        foreach ((string name, YamlNode service) in Services)
        {
            foreach (YamlNode port in service["ports"].Items)
            {
                string[] parts = port.RequiredText().Split(':');
                Assert.Equal(2, parts.Length);
                hostPorts.Add(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
                if (name.StartsWith("silo", StringComparison.Ordinal))
                {
                    Assert.Equal(DashboardOptions.DefaultPort, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        Assert.Equal(hostPorts.Count, hostPorts.Distinct().Count());
        Assert.Equal(3, Silos.SelectMany(s => s.Value["ports"].Items).Count());
    }

    [Fact]
    public void Silo_environment_names_are_host_configuration_keys()
    {
        foreach ((string name, YamlNode silo) in Silos)
        {
            Assert.NotEmpty(silo["environment"].Entries);
            foreach ((string variable, _) in silo["environment"].Entries)
            {
                Assert.True(
                    HostConfigurationKeys.PlainEnvironmentVariables.Contains(variable) || HostConfigurationKeys.IsKnown(HostConfigurationKeys.FromEnvironmentName(variable)),
                    $"{name}: the environment variable {variable} is not a key the silo host reads.");
            }
        }
    }

    [Fact]
    public void Silos_share_a_redis_membership_table_and_redis_storage_and_take_the_secret_from_the_environment()
    {
        foreach ((string name, YamlNode silo) in Silos)
        {
            YamlNode environment = silo["environment"];
            Assert.Equal("Redis", environment["Caching__Silo__Membership__Type"].RequiredText());
            Assert.Equal("RedisCache", environment["Caching__Silo__Storage__Type"].RequiredText());
            Assert.Matches(new Regex("^\\$\\{[A-Z_]+(:\\?[^}]*)?\\}$"), environment["Caching__Cluster__Secret"].RequiredText());
            Assert.Equal("service_healthy", silo["depends_on"]["redis"]["condition"].RequiredText());
        }

        Assert.Single(Silos.Select(s => s.Value["environment"]["Caching__Silo__Membership__Redis__Url"].RequiredText()).Distinct());
    }

    [Fact]
    public void Depends_on_names_existing_services()
    {
        var names = Services.Select(s => s.Key).ToHashSet();
        foreach ((string name, YamlNode service) in Services)
        {
            foreach ((string dependency, _) in service["depends_on"].Entries)
            {
                Assert.True(names.Contains(dependency), $"{name} depends on unknown service {dependency}.");
            }
        }
    }

    [Fact]
    public void Silos_get_longer_to_stop_than_the_host_shutdown_timeout()
    {
        foreach ((string name, YamlNode silo) in Silos)
        {
            string grace = silo["stop_grace_period"].RequiredText();
            Assert.EndsWith("s", grace, StringComparison.Ordinal);
            Assert.True(TimeSpan.FromSeconds(int.Parse(grace[..^1], System.Globalization.CultureInfo.InvariantCulture)) > HostDefaults.ShutdownTimeout, $"{name}: stop_grace_period {grace}");
        }
    }
}
