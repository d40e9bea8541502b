using System.Text.RegularExpressions;

namespace Orleans.Caching.Silo.Host.Tests;

/// <summary>The sample web app's service in docker-compose.yml and its Dockerfile, checked statically as the silo's are.</summary>
public sealed class SampleAppDeploymentTests
{
    private const string DockerfilePath = "samples/WebApp/Dockerfile";
    private const int ContainerHttpPort = 8080;
    private static readonly YamlNode s_compose = YamlNode.LoadAll(RepositoryFiles.Read("docker-compose.yml"), "docker-compose.yml").Single();
    private static readonly List<DockerfileInstruction> s_instructions = [.. DockerfileInstruction.Parse(RepositoryFiles.Read(DockerfilePath))];

    private static YamlNode SampleApp => s_compose["services"]["sample-app"];

    private static YamlNode Environment => SampleApp["environment"];

    private static IEnumerable<KeyValuePair<string, YamlNode>> Silos
        => s_compose["services"].Entries.Where(s => s.Key.StartsWith("silo", StringComparison.Ordinal));

    [Fact]
    public void Compose_builds_the_sample_app_from_its_dockerfile_at_the_repository_root()
    {
        Assert.True(SampleApp.Exists, "docker-compose.yml has no sample-app service.");
        Assert.Equal(".", SampleApp["build"]["context"].RequiredText());
        Assert.Equal(DockerfilePath, SampleApp["build"]["dockerfile"].RequiredText());
        Assert.True(File.Exists(RepositoryFiles.PathOf(DockerfilePath)));
    }

    [Fact]
    public void The_sample_app_is_a_cluster_client_of_the_silos_with_their_cluster_id_and_secret()
    {
        Assert.Equal("Cluster", Environment["Caching__Type"].RequiredText());
        foreach ((string name, YamlNode silo) in Silos)
        {
            YamlNode siloEnvironment = silo["environment"];
            Assert.Equal(siloEnvironment["Caching__Cluster__ClusterId"].RequiredText(), Environment["Caching__Cluster__ClusterId"].RequiredText());
            Assert.Equal(siloEnvironment["Caching__Cluster__Secret"].RequiredText(), Environment["Caching__Cluster__Secret"].RequiredText());
        }

        Assert.Matches(new Regex("^\\$\\{[A-Z_]+(:\\?[^}]*)?\\}$"), Environment["Caching__Cluster__Secret"].RequiredText());
    }

    [Fact]
    public void The_gateways_name_silo_services_on_the_silo_port()
    {
        var silos = Silos.ToDictionary(s => s.Key, s => s.Value["environment"]["Caching__Silo__Endpoint__Port"].RequiredText());
        string[] gateways = Environment.Entries.Where(e => e.Key.StartsWith("Caching__Cluster__Gateways__", StringComparison.Ordinal))
            .Select(e => e.Value.RequiredText()).ToArray();

        Assert.NotEmpty(gateways);
        foreach (string gateway in gateways)
        {
            string[] parts = gateway.Split(':');
            Assert.Equal(2, parts.Length);
            Assert.True(silos.TryGetValue(parts[0], out string? port), $"The gateway {gateway} names no silo service.");
            Assert.Equal(port, parts[1]);
            Assert.Equal(HostDefaults.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[1]);
        }
    }

    [Fact]
    public void Sample_app_environment_names_are_keys_the_sample_reads()
    {
        foreach ((string variable, _) in Environment.Entries)
        {
            Assert.True(SampleAppConfigurationKeys.IsKnownEnvironmentVariable(variable), $"sample-app: the environment variable {variable} is not a key the sample app reads.");
        }

        Assert.False(SampleAppConfigurationKeys.IsKnownEnvironmentVariable("Caching__Cluster__Gatways__0"));
    }

    [Fact]
    public void The_sample_app_publishes_5080_on_the_http_port_its_image_exposes_and_probes()
    {
        string port = Assert.Single(SampleApp["ports"].Items).RequiredText();
        Assert.Equal($"5080:{ContainerHttpPort}", port);
        Assert.Equal(ContainerHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Environment["ASPNETCORE_HTTP_PORTS"].RequiredText());

        int lastStage = s_instructions.Max(i => i.Stage);
        string[] exposed = s_instructions.Where(i => i.Keyword == "EXPOSE" && i.Stage == lastStage)
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal([ContainerHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], exposed);
        Assert.Contains(s_instructions, i => i.Keyword == "ENV" && i.Arguments.Contains($"ASPNETCORE_HTTP_PORTS={ContainerHttpPort}", StringComparison.Ordinal));

        string composeProbe = string.Join(' ', SampleApp["healthcheck"]["test"].Items.Select(i => i.RequiredText()));
        Assert.Contains($"http://127.0.0.1:{ContainerHttpPort}/", composeProbe, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{ContainerHttpPort}/", Assert.Single(s_instructions, i => i.Keyword == "HEALTHCHECK").Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_app_starts_after_every_silo_is_healthy()
    {
        foreach ((string name, _) in Silos)
        {
            Assert.Equal("service_healthy", SampleApp["depends_on"][name]["condition"].RequiredText());
        }
    }

    [Fact]
    public void The_image_builds_with_the_sdk_and_runs_on_the_aspnet_10_runtime_from_declared_stages()
    {
        List<string[]> stages = s_instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.True(stages.Count >= 2, "The Dockerfile should be multi-stage (build, runtime).");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0][0], StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", stages[^1][0]);
        Assert.All(stages, stage => Assert.True(stage.Length == 3 && stage[1].Equals("AS", StringComparison.OrdinalIgnoreCase), $"Every stage is named: FROM {string.Join(' ', stage)}"));

        var declared = new List<string>();
        foreach (DockerfileInstruction instruction in s_instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                declared.Add(instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
            }

            Match from = Regex.Match(instruction.Arguments, "--from=(\\S+)");
            if (instruction.Keyword == "COPY" && from.Success)
            {
                Assert.Contains(from.Groups[1].Value, declared.Take(declared.Count - 1));
            }
        }
    }

    [Fact]
    public void The_build_publishes_the_sample_project_and_the_entrypoint_runs_its_dll_as_a_non_root_user()
    {
        const string Project = "samples/WebApp/WebApp.csproj";
        Assert.True(File.Exists(RepositoryFiles.PathOf(Project)));
        Assert.DoesNotContain("<AssemblyName>", RepositoryFiles.Read(Project), StringComparison.Ordinal);
        Assert.Contains(s_instructions, i => i.Keyword == "RUN" && i.Stage == 0 && i.Arguments.Contains("dotnet publish " + Project, StringComparison.Ordinal));

        DockerfileInstruction entrypoint = Assert.Single(s_instructions, i => i.Keyword == "ENTRYPOINT");
        Assert.Matches("^\\[\\s*\"dotnet\"\\s*,\\s*\"WebApp\\.dll\"\\s*\\]$", entrypoint.Arguments);

        int lastStage = s_instructions.Max(i => i.Stage);
        DockerfileInstruction? user = s_instructions.LastOrDefault(i => i.Keyword == "USER" && i.Stage == lastStage);
        Assert.NotNull(user);
        Assert.NotEqual("root", user.Arguments.Split(':')[0]);
        Assert.NotEqual("0", user.Arguments.Split(':')[0]);
        Assert.True(s_instructions.IndexOf(user) < s_instructions.IndexOf(entrypoint), "USER comes before ENTRYPOINT.");
    }
}
