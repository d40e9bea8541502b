using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>The request handlers of the dashboard and health endpoints (plain <see cref="RequestDelegate"/>s with source-generated JSON).</summary>
internal static class DashboardHandlers
{
    private const string PageResource = "Orleans.Caching.Silo.Dashboard.dashboard.html";
    private static readonly Lazy<byte[]> s_page = new(LoadPage);

    /// <summary>Answers 200 while the process runs.</summary>
    public static Task LiveAsync(HttpContext context)
        => context.Response.WriteAsJsonAsync(new DashboardHealth("Live", null), DashboardJsonContext.Default.DashboardHealth, cancellationToken: context.RequestAborted);

    /// <summary>Answers 200 when this silo is Active in its view, else 503 with its status.</summary>
    public static Task ReadyAsync(HttpContext context)
    {
        ClusterSilo silo = context.RequestServices.GetRequiredService<ClusterSilo>();
        SiloStatus status = silo.Status;
        context.Response.StatusCode = status == SiloStatus.Active ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new DashboardHealth(status.ToString(), TryGetAddress(silo)?.ToString()), DashboardJsonContext.Default.DashboardHealth, cancellationToken: context.RequestAborted);
    }

    /// <summary>Serves the self-contained HTML page.</summary>
    public static Task PageAsync(HttpContext context)
    {
        byte[] page = s_page.Value;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = page.Length;
        return context.Response.Body.WriteAsync(page, context.RequestAborted).AsTask();
    }

    /// <summary>Answers the status JSON: address, status, membership rows, activations, memory and counters.</summary>
    public static Task StatusAsync(HttpContext context)
    {
        IServiceProvider services = context.RequestServices;
        ClusterSilo silo = services.GetRequiredService<ClusterSilo>();
        SiloStatistics statistics = services.GetRequiredService<SiloStatistics>();
        DashboardMetrics metrics = services.GetRequiredService<DashboardMetrics>();
        TimeProvider time = services.GetRequiredService<TimeProvider>();
        SiloAddress? self = TryGetAddress(silo);
        MembershipView view = silo.Membership.CurrentView;
        var members = new List<DashboardMember>(view.Snapshot.Entries.Count);
        foreach (MembershipEntry entry in view.Snapshot.Entries.OrderBy(e => e.Silo))
        {
            members.Add(new DashboardMember(
                entry.Silo.ToString(),
                entry.Status.ToString(),
                entry.Silo.Equals(self),
                entry.StartTime,
                entry.IAmAliveTime,
                entry.Suspicions.Count,
                entry.SiloName,
                entry.HostName));
        }

        var status = new DashboardStatus(
            self?.ToString(),
            silo.Status.ToString(),
            view.Version,
            members,
            silo.Runtime.ActivationCount,
            silo.Runtime.EstimatedMemoryBytes,
            statistics.Requests,
            Math.Round(metrics.GetRequestsPerSecond(), 2),
            time.GetUtcNow());
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(status, DashboardJsonContext.Default.DashboardStatus, cancellationToken: context.RequestAborted);
    }

    /// <summary>Reads a key through the silo's grain factory (the value as UTF-8 text: JSON for values the cache client wrote).</summary>
    public static async Task GetKeyAsync(HttpContext context)
    {
        if (!TryGetKey(context, out string key))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "A key is required: /dashboard/api/keys/{key}.").ConfigureAwait(false);
            return;
        }

        IServiceProvider services = context.RequestServices;
        try
        {
            byte[]? value = await services.GetRequiredService<IGrainFactory>().GetGrain<ICacheEntryGrain>(key).GetAsync(context.RequestAborted).ConfigureAwait(false);
            var result = new DashboardKeyResult(key, value is not null, value is null ? null : Encoding.UTF8.GetString(value), Owner(services, key));
            await context.Response.WriteAsJsonAsync(result, DashboardJsonContext.Default.DashboardKeyResult, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GrainCallRejectedException or GrainCallTimeoutException or GrainOverloadedException or ConnectionClosedException or InvalidOperationException)
        {
            Log.DashboardKeyFailed(Logger(services), ex, "get");
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, ex.Message).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a key through the silo's grain factory: the text is stored JSON-encoded, so a cache client reads it back as a string.</summary>
    public static async Task SetKeyAsync(HttpContext context)
    {
        if (!TryGetKey(context, out string key))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "A key is required: /dashboard/api/keys/{key}.").ConfigureAwait(false);
            return;
        }

        DashboardKeyWrite? write;
        try
        {
            write = await context.Request.ReadFromJsonAsync(DashboardJsonContext.Default.DashboardKeyWrite, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            write = null;
        }

        if (write?.Value is null || write.Timeout is < 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Expected a JSON body {\"value\": \"text\", \"timeout\": seconds (optional, 0 = never expires)}.").ConfigureAwait(false);
            return;
        }

        IServiceProvider services = context.RequestServices;
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(write.Value, DashboardJsonContext.Default.String);
        TimeSpan? timeToLive = write.Timeout is > 0 ? TimeSpan.FromSeconds(write.Timeout.Value) : null;
        try
        {
            await services.GetRequiredService<IGrainFactory>().GetGrain<ICacheEntryGrain>(key).SetAsync(bytes, timeToLive, context.RequestAborted).ConfigureAwait(false);
            var result = new DashboardKeyResult(key, true, Encoding.UTF8.GetString(bytes), Owner(services, key));
            await context.Response.WriteAsJsonAsync(result, DashboardJsonContext.Default.DashboardKeyResult, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GrainCallRejectedException or GrainCallTimeoutException or GrainOverloadedException or ConnectionClosedException or InvalidOperationException)
        {
            Log.DashboardKeyFailed(Logger(services), ex, "set");
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, ex.Message).ConfigureAwait(false);
        }
    }

    private static bool TryGetKey(HttpContext context, out string key)
    {
        key = context.Request.RouteValues["key"] as string ?? string.Empty;
        return key.Length > 0;
    }

    private static string? Owner(IServiceProvider services, string key)
        => services.GetRequiredService<ClusterSilo>().Membership.CurrentView.SelectOwner(new GrainId(CacheGrainTypes.Entry, key))?.ToString();

    private static SiloAddress? TryGetAddress(ClusterSilo silo)
    {
        try
        {
            return silo.Address;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ILogger Logger(IServiceProvider services)
        => services.GetRequiredService<ILoggerFactory>().CreateLogger("Orleans.Caching.Silo.Dashboard");

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new DashboardError(message), DashboardJsonContext.Default.DashboardError, cancellationToken: context.RequestAborted);
    }

    private static byte[] LoadPage()
    {
        using Stream stream = typeof(DashboardHandlers).Assembly.GetManifestResourceStream(PageResource)
            ?? throw new InvalidOperationException($"The dashboard page resource '{PageResource}' is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
