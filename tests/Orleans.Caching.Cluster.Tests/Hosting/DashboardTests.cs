using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Orleans.Caching.Silo;
using Orleans.Caching.TestingHost;

namespace Orleans.Caching.Cluster.Tests.Hosting;

[Collection(DashboardClusterCollection.Name)]
public sealed class DashboardTests(DashboardClusterFixture fixture)
{
    private TestCluster Cluster => fixture.Cluster;

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Live_and_ready_answer_200_on_an_active_silo()
    {
        foreach (TestSilo silo in Cluster.Silos)
        {
            using HttpResponseMessage live = await Http.GetAsync(new Uri(silo.DashboardUri!, "health/live"));
            using HttpResponseMessage ready = await Http.GetAsync(new Uri(silo.DashboardUri!, "health/ready"));

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            JsonElement body = await ready.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Active", body.GetProperty("status").GetString());
            Assert.Equal(silo.Address.ToString(), body.GetProperty("silo").GetString());
        }
    }

    [Fact]
    public async Task Ready_answers_503_with_the_status_while_the_silo_has_not_joined()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Caching:Silo:Endpoint:Port"] = "0", ["Caching:Silo:Dashboard:Enabled"] = "false" });
        builder.AddOrleansCachingSilo();
        builder.AddOrleansCachingDashboard();
        await using WebApplication app = builder.Build();
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Response.Body = new MemoryStream();

        await DashboardHandlers.ReadyAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Equal("None", JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_status_json_lists_the_three_silos_and_marks_itself()
    {
        TestSilo silo = Cluster.Silos[1];

        JsonElement status = await Http.GetFromJsonAsync<JsonElement>(new Uri(silo.DashboardUri!, "dashboard/api/status"));

        Assert.Equal(silo.Address.ToString(), status.GetProperty("silo").GetString());
        Assert.Equal("Active", status.GetProperty("status").GetString());
        JsonElement[] members = status.GetProperty("members").EnumerateArray().ToArray();
        Assert.Equal(Cluster.Silos.Select(s => s.Address.ToString()).Order(StringComparer.Ordinal), members.Select(m => m.GetProperty("silo").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(members, m => Assert.Equal("Active", m.GetProperty("status").GetString()));
        Assert.Equal(silo.Address.ToString(), Assert.Single(members, m => m.GetProperty("isSelf").GetBoolean()).GetProperty("silo").GetString());
        Assert.True(status.GetProperty("activations").GetInt32() >= 0);
        Assert.True(status.GetProperty("membershipVersion").GetInt64() > 0);
    }

    [Fact]
    public async Task The_page_is_self_contained_html_that_polls_the_status_api()
    {
        using HttpResponseMessage response = await Http.GetAsync(new Uri(Cluster.Silos[0].DashboardUri!, "dashboard"));
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/status", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)\\s*=\\s*[\"']?(https?:)?//", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_set_through_one_dashboard_is_read_through_another_and_by_a_cluster_client()
    {
        string key = "dashboard-key-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage set = await Http.PutAsJsonAsync(new Uri(Cluster.Silos[0].DashboardUri!, "dashboard/api/keys/" + key), new { value = "hello from the dashboard", timeout = 60 });
        JsonElement written = await set.Content.ReadFromJsonAsync<JsonElement>();

        JsonElement read = await Http.GetFromJsonAsync<JsonElement>(new Uri(Cluster.Silos[2].DashboardUri!, "dashboard/api/keys/" + key));
        string? fromClient = await Cluster.Client.GetAsync<string>(key);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.True(read.GetProperty("found").GetBoolean());
        Assert.Equal("\"hello from the dashboard\"", read.GetProperty("value").GetString());
        Assert.Equal(written.GetProperty("owner").GetString(), read.GetProperty("owner").GetString());
        Assert.Contains(read.GetProperty("owner").GetString(), Cluster.Silos.Select(s => s.Address.ToString()));
        Assert.Equal("hello from the dashboard", fromClient);
    }

    [Fact]
    public async Task A_bad_key_write_is_refused_with_400()
    {
        using HttpResponseMessage response = await Http.PutAsync(new Uri(Cluster.Silos[0].DashboardUri!, "dashboard/api/keys/k"), new StringContent("not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("value", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_from_a_client_are_counted_in_the_status_of_the_silos()
    {
        long before = await TotalRequestsAsync();
        for (int i = 0; i < 10; i++)
        {
            await Cluster.Client.SetAsync("counted-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i, timeout: 60);
        }

        long after = await TotalRequestsAsync();

        Assert.True(after >= before + 10, $"requests before {before}, after {after}");
    }

    private async Task<long> TotalRequestsAsync()
    {
        long total = 0;
        foreach (TestSilo silo in Cluster.Silos)
        {
            JsonElement status = await Http.GetFromJsonAsync<JsonElement>(new Uri(silo.DashboardUri!, "dashboard/api/status"));
            total += status.GetProperty("requests").GetInt64();
        }

        return total;
    }
}
