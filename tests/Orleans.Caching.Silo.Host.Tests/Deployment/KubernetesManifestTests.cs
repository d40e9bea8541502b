using System.Text.Json;

namespace Orleans.Caching.Silo.Host.Tests;

public sealed class KubernetesManifestTests
{
    private const string Folder = "deploy/k8s";

    private static readonly Dictionary<string, string> s_apiVersions = new(StringComparer.Ordinal)
    {
        ["ConfigMap"] = "v1",
        ["Secret"] = "v1",
        ["Service"] = "v1",
        ["StatefulSet"] = "apps/v1",
        ["Deployment"] = "apps/v1",
        ["PodDisruptionBudget"] = "policy/v1",
        ["Kustomization"] = "kustomize.config.k8s.io/v1beta1",
    };

    private static readonly Lazy<IReadOnlyList<(string File, YamlNode Document)>> s_documents = new(Load);

    private static IEnumerable<YamlNode> Documents => s_documents.Value.Select(d => d.Document);

    private static YamlNode Single(string kind) => Assert.Single(Documents, d => d["kind"].Text == kind);

    private static YamlNode Silos => Single("StatefulSet");

    private static YamlNode PodSpec => Silos["spec"]["template"]["spec"];

    private static YamlNode Container => Assert.Single(PodSpec["containers"].Items);

    [Fact]
    public void Every_manifest_parses_with_a_known_kind_and_api_version_and_no_namespace()
    {
        Assert.NotEmpty(s_documents.Value);
        foreach ((string file, YamlNode document) in s_documents.Value)
        {
            string kind = document["kind"].RequiredText();
            Assert.True(s_apiVersions.TryGetValue(kind, out string? apiVersion), $"{file}: unexpected kind {kind}.");
            Assert.Equal(apiVersion, document["apiVersion"].RequiredText());
            Assert.False(document["metadata"]["namespace"].Exists, $"{file}: manifests are namespace-less.");
            if (kind != "Kustomization")
            {
                Assert.False(string.IsNullOrWhiteSpace(document["metadata"]["name"].Text), $"{file}: metadata.name is required.");
            }
        }
    }

    [Fact]
    public void The_kustomization_lists_every_other_manifest()
    {
        YamlNode kustomization = Single("Kustomization");
        string[] listed = kustomization["resources"].Items.Select(i => i.RequiredText()).Order(StringComparer.Ordinal).ToArray();
        string[] files = s_documents.Value.Where(d => d.Document["kind"].Text != "Kustomization").Select(d => d.File).Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(files, listed);
    }

    [Fact]
    public void Selectors_match_the_pod_template_labels()
    {
        IReadOnlyDictionary<string, string> podLabels = Labels(Silos["spec"]["template"]["metadata"]["labels"]);

        AssertSubset(Labels(Silos["spec"]["selector"]["matchLabels"]), podLabels, "StatefulSet selector");
        AssertSubset(Labels(Single("PodDisruptionBudget")["spec"]["selector"]["matchLabels"]), podLabels, "PodDisruptionBudget selector");
        foreach (YamlNode service in Documents.Where(d => d["kind"].Text == "Service"))
        {
            AssertSubset(Labels(service["spec"]["selector"]), podLabels, service["metadata"]["name"].RequiredText());
        }
    }

    [Fact]
    public void The_statefulset_names_a_headless_service_that_publishes_not_ready_silos()
    {
        string serviceName = Silos["spec"]["serviceName"].RequiredText();
        YamlNode headless = Assert.Single(Documents, d => d["kind"].Text == "Service" && d["metadata"]["name"].Text == serviceName);

        Assert.Equal("None", headless["spec"]["clusterIP"].RequiredText());
        Assert.Equal("true", headless["spec"]["publishNotReadyAddresses"].RequiredText());
        Assert.Contains(Documents, d => d["kind"].Text == "Service" && d["metadata"]["name"].Text != serviceName);
    }

    [Fact]
    public void Container_ports_are_the_host_defaults_and_service_target_ports_name_them()
    {
        Dictionary<string, int> ports = Container["ports"].Items.ToDictionary(p => p["name"].RequiredText(), p => p["containerPort"].RequiredInt());

        Assert.Equal(HostDefaults.SiloPort, ports["silo"]);
        Assert.Equal(DashboardOptions.DefaultPort, ports["dashboard"]);
        foreach (YamlNode service in Documents.Where(d => d["kind"].Text == "Service"))
        {
            foreach (YamlNode port in service["spec"]["ports"].Items)
            {
                string target = port["targetPort"].RequiredText();
                Assert.True(ports.ContainsKey(target), $"{service["metadata"]["name"].Text}: targetPort {target} is not a container port.");
                Assert.Equal(ports[target], port["port"].RequiredInt());
            }
        }
    }

    [Fact]
    public void Probes_hit_the_health_endpoints_on_the_dashboard_port()
    {
        Assert.Equal("/health/ready", Container["readinessProbe"]["httpGet"]["path"].RequiredText());
        Assert.Equal("/health/live", Container["livenessProbe"]["httpGet"]["path"].RequiredText());
        foreach (string probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            if (Container[probe].Exists)
            {
                Assert.Equal("dashboard", Container[probe]["httpGet"]["port"].RequiredText());
            }
        }
    }

    [Fact]
    public void The_pod_advertises_its_ip_from_the_downward_api_and_reads_the_secret()
    {
        YamlNode[] env = Container["env"].Items.ToArray();
        YamlNode podIp = Assert.Single(env, e => e["name"].Text == "POD_IP");
        Assert.Equal("status.podIP", podIp["valueFrom"]["fieldRef"]["fieldPath"].RequiredText());

        YamlNode secretRef = Assert.Single(env, e => e["name"].Text == "Caching__Cluster__Secret")["valueFrom"]["secretKeyRef"];
        YamlNode secret = Single("Secret");
        Assert.Equal(secret["metadata"]["name"].RequiredText(), secretRef["name"].RequiredText());
        Assert.True(secret["stringData"][secretRef["key"].RequiredText()].Exists, "The secret has the referenced key.");
    }

    [Fact]
    public void Environment_names_and_configmap_settings_are_host_configuration_keys()
    {
        foreach (YamlNode variable in Container["env"].Items)
        {
            string name = variable["name"].RequiredText();
            Assert.True(
                HostConfigurationKeys.PlainEnvironmentVariables.Contains(name) || HostConfigurationKeys.IsKnown(HostConfigurationKeys.FromEnvironmentName(name)),
                $"The environment variable {name} is not a key the silo host reads.");
        }

        foreach (string key in HostConfigurationKeys.FlattenJson(ConfigMapSettings()))
        {
            Assert.True(HostConfigurationKeys.IsKnown(key), $"configmap.yaml sets {key}, which the silo host does not read.");
        }
    }

    [Fact]
    public void The_configmap_is_mounted_as_the_production_settings_file()
    {
        YamlNode configMap = Single("ConfigMap");
        YamlNode volume = Assert.Single(PodSpec["volumes"].Items, v => v["configMap"]["name"].Text == configMap["metadata"]["name"].Text);
        YamlNode mount = Assert.Single(Container["volumeMounts"].Items, m => m["name"].Text == volume["name"].Text);

        Assert.Equal("/app/appsettings.Production.json", mount["mountPath"].RequiredText());
        Assert.True(configMap["data"][mount["subPath"].RequiredText()].Exists);
        Assert.Equal(HostDefaults.SiloPort, ConfigMapSettings().GetProperty("Caching").GetProperty("Silo").GetProperty("Endpoint").GetProperty("Port").GetInt32());
    }

    [Fact]
    public void The_grace_period_is_longer_than_the_shutdown_timeout()
    {
        JsonElement silo = ConfigMapSettings().GetProperty("Caching").GetProperty("Silo");
        TimeSpan shutdownTimeout = silo.TryGetProperty("Host", out JsonElement host) && host.TryGetProperty("ShutdownTimeout", out JsonElement configured)
            ? TimeSpan.Parse(configured.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : HostDefaults.ShutdownTimeout;

        Assert.True(TimeSpan.FromSeconds(PodSpec["terminationGracePeriodSeconds"].RequiredInt()) > shutdownTimeout);
    }

    [Fact]
    public void Silos_run_as_non_root_with_resources_and_a_disruption_budget()
    {
        Assert.Equal("true", PodSpec["securityContext"]["runAsNonRoot"].RequiredText());
        Assert.NotEqual(0, PodSpec["securityContext"]["runAsUser"].RequiredInt());
        Assert.Equal("false", Container["securityContext"]["allowPrivilegeEscalation"].RequiredText());
        Assert.True(Container["resources"]["requests"]["memory"].Exists && Container["resources"]["limits"]["memory"].Exists);
        Assert.True(Silos["spec"]["replicas"].RequiredInt() > Single("PodDisruptionBudget")["spec"]["maxUnavailable"].RequiredInt());
    }

    private static JsonElement ConfigMapSettings()
        => JsonDocument.Parse(Single("ConfigMap")["data"]["appsettings.Production.json"].RequiredText()).RootElement;

    private static Dictionary<string, string> Labels(YamlNode node)
    {
        Assert.True(node.IsMapping, $"{node.Path} should be a label map.");
        return node.Entries.ToDictionary(e => e.Key, e => e.Value.RequiredText());
    }

    private static void AssertSubset(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels, string what)
    {
        Assert.NotEmpty(selector);
        foreach ((string key, string value) in selector)
        {
            Assert.True(labels.TryGetValue(key, out string? actual) && actual == value, $"{what}: {key}={value} does not select the silo pods.");
        }
    }

    private static List<(string File, YamlNode Document)> Load()
    {
        var documents = new List<(string, YamlNode)>();
        foreach (string path in Directory.GetFiles(RepositoryFiles.PathOf(Folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            string file = Path.GetFileName(path);
            foreach (YamlNode document in YamlNode.LoadAll(File.ReadAllText(path), file))
            {
                documents.Add((file, document));
            }
        }

        return documents;
    }
}
