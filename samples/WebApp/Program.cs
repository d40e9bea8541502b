using Orleans.Caching.Samples.WebApp;
using Orleans.Caching.Samples.WebApp.Services;

// Caching:Type = Local (appsettings.json) runs an embedded silo in this process; on a cluster:
//   dotnet run --project samples/WebApp -- --Caching:Type=Cluster --Caching:Cluster:Gateways:0=127.0.0.1:11111
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
builder.Services.AddOrleansCaching(builder.Configuration);
builder.Services.AddOrleansCachingViews();          // [Cached] on page handlers, .Cached() on minimal APIs
builder.Services.AddOutputCache();
builder.Services.AddOrleansCachingOutputCache();   // [OutputCache] / .CacheOutput() store responses in the cache (shared by a cluster's clients)
builder.Services.AddSingleton<RenderCounter>();
builder.Services.AddMemoized<IForecastService, ForecastService>();

WebApplication app = builder.Build();
app.UseStaticFiles();
app.UseOutputCache();
app.MapRazorPages();
app.MapSampleEndpoints();
app.Run();

/// <summary>The sample's entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
