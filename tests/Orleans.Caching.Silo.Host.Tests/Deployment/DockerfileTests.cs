using System.Text.RegularExpressions;

namespace Orleans.Caching.Silo.Host.Tests;

public sealed class DockerfileTests
{
    private const string DockerfilePath = "src/Silo/Orleans.Caching.Silo.Host/Dockerfile";
    private static readonly List<DockerfileInstruction> s_instructions = [.. DockerfileInstruction.Parse(RepositoryFiles.Read(DockerfilePath))];

    [Fact]
    public void The_image_builds_with_the_sdk_and_runs_on_the_aspnet_10_runtime()
    {
        List<string[]> stages = s_instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

        Assert.True(stages.Count >= 2, "The Dockerfile should be multi-stage (build, runtime).");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0][0], StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", stages[^1][0]);
        Assert.All(stages, stage => Assert.True(stage.Length == 3 && stage[1].Equals("AS", StringComparison.OrdinalIgnoreCase), $"Every stage is named: FROM {string.Join(' ', stage)}"));
    }

    [Fact]
    public void Files_are_copied_only_from_stages_declared_before()
    {
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

        Assert.Contains(s_instructions, i => i.Keyword == "COPY" && i.Arguments.Contains("--from=", StringComparison.Ordinal) && i.Stage == declared.Count - 1);
    }

    [Fact]
    public void The_runtime_stage_exposes_the_silo_and_dashboard_default_ports()
    {
        int lastStage = s_instructions.Max(i => i.Stage);
        int[] exposed = s_instructions.Where(i => i.Keyword == "EXPOSE" && i.Stage == lastStage)
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(port => int.Parse(port.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToArray();

        Assert.Equal(new[] { DashboardOptions.DefaultPort, HostDefaults.SiloPort }.Order(), exposed);
    }

    [Fact]
    public void The_runtime_stage_runs_as_a_non_root_user()
    {
        int lastStage = s_instructions.Max(i => i.Stage);
        DockerfileInstruction? user = s_instructions.LastOrDefault(i => i.Keyword == "USER" && i.Stage == lastStage);

        Assert.NotNull(user);
        string name = user.Arguments.Split(':')[0];
        Assert.NotEqual("root", name);
        Assert.NotEqual("0", name);
        Assert.True(s_instructions.IndexOf(user) < s_instructions.IndexOf(s_instructions.Single(i => i.Keyword == "ENTRYPOINT")), "USER comes before ENTRYPOINT.");
    }

    [Fact]
    public void The_entrypoint_runs_the_host_dll()
    {
        DockerfileInstruction entrypoint = Assert.Single(s_instructions, i => i.Keyword == "ENTRYPOINT");

        Assert.Matches("^\\[\\s*\"dotnet\"\\s*,\\s*\"Orleans\\.Caching\\.Silo\\.Host\\.dll\"\\s*\\]$", entrypoint.Arguments);
        Assert.True(File.Exists(RepositoryFiles.PathOf("src/Silo/Orleans.Caching.Silo.Host/Orleans.Caching.Silo.Host.csproj")));
    }

    [Fact]
    public void The_healthcheck_probes_the_live_endpoint_on_the_dashboard_port()
    {
        DockerfileInstruction healthcheck = Assert.Single(s_instructions, i => i.Keyword == "HEALTHCHECK");

        Assert.Contains($":{DashboardOptions.DefaultPort}/health/live", healthcheck.Arguments, StringComparison.Ordinal);
        Assert.Contains(" CMD ", " " + healthcheck.Arguments + " ", StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_publishes_the_host_project()
    {
        Assert.Contains(s_instructions, i => i.Keyword == "RUN" && i.Stage == 0
            && i.Arguments.Contains("dotnet publish src/Silo/Orleans.Caching.Silo.Host/Orleans.Caching.Silo.Host.csproj", StringComparison.Ordinal));
        Assert.True(File.Exists(RepositoryFiles.PathOf(".dockerignore")), "A .dockerignore keeps bin/ and obj/ out of the build context.");
    }
}
