using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.AspNetCore.Tests.Distributed.Support;

/// <summary>A TestServer application on a <see cref="CacheTarget"/>'s cache and fake clock, with views of this assembly renderable by path.</summary>
public sealed class AdapterApp : IAsyncDisposable
{
    private readonly ListLoggerProvider _logs;

    private AdapterApp(WebApplication app, ListLoggerProvider logs)
    {
        App = app;
        _logs = logs;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public ListLogger Logs => _logs.Logger;

    public static async Task<AdapterApp> StartAsync(CacheTarget target, Action<IServiceCollection> services, Action<WebApplication> endpoints)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(target.Clock);
        builder.Services.AddSingleton(target.Cache);
        builder.Services.AddControllersWithViews()
            .ConfigureApplicationPartManager(parts => parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(typeof(AdapterApp).Assembly)));
        services(builder.Services);
        WebApplication app = builder.Build();
        endpoints(app);
        await app.StartAsync();
        return new AdapterApp(app, logs);
    }

    /// <summary>Renders a compiled view of this assembly (e.g. <c>/TagHelpers/Views/Fragments.cshtml</c>) with the given view data.</summary>
    public static Task RenderAsync(HttpContext http, string viewPath, IReadOnlyDictionary<string, object?> data)
    {
        var viewData = new ViewDataDictionary(http.RequestServices.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary());
        foreach (KeyValuePair<string, object?> pair in data)
        {
            viewData[pair.Key] = pair.Value;
        }

        var result = new ViewResult { ViewName = viewPath, ViewData = viewData };
        return result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }

    public async Task<string> GetStringAsync(string path)
    {
        HttpResponseMessage response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
