// The Orleans.Caching silo host. Ports: 11111 = the cluster protocol (silos and cache clients, Caching:Silo:Endpoint:Port),
// 8080 = HTTP dashboard and health probes (/dashboard, /health/live, /health/ready; Caching:Silo:Dashboard:Port).
// Configuration, later wins: appsettings.json (the embedded defaults beside this file), appsettings.{Environment}.json,
// environment variables (Caching__Silo__Endpoint__Port=11111, Flask's CACHE_* names), the command line (--Caching:Silo:Endpoint:Port=0).
// SIGTERM or Ctrl+C stops gracefully within Caching:Silo:Host:ShutdownTimeout (30 s) and exits with code 0.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddOrleansCachingSiloHostDefaults();
builder.AddOrleansCachingSilo();
builder.AddOrleansCachingDashboard();

WebApplication app = builder.Build();
await using (app.ConfigureAwait(false))
{
    app.MapOrleansCachingDashboard();
    await app.RunAsync().ConfigureAwait(false);
}
