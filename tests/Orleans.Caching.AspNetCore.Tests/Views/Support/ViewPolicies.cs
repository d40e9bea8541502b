using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.AspNetCore.Tests.Views.Support;

/// <summary>The named policies the test controllers' <c>[Cached(Policy = ...)]</c> use (callbacks cannot be attribute arguments).</summary>
public static class ViewPolicies
{
    public static void Register(IServiceCollection services)
    {
        services.AddCachedPolicy("unless-true", o => o.Unless = _ => true);
        services.AddCachedPolicy("unless-false", o => o.Unless = _ => false);
        services.AddCachedPolicy("all-statuses", o => o.ResponseFilter = r => r is CachedViewResponse { StatusCode: < 600 });
        services.AddCachedPolicy("forced", o => o.ForcedUpdate = inv => Toggles(inv).Forced);
        services.AddCachedPolicy("stale", o => o.IsStale = (value, inv) =>
        {
            Toggles(inv).StaleSeen = value;
            return Toggles(inv).Stale;
        });
        services.AddCachedPolicy("by-foo", o => o.MakeCacheKey = inv => inv.GetHttpContext().Request.Query["foo"].ToString());
        services.AddCachedPolicy("callable-prefix", o => o.KeyPrefixFactory = () => "callable-prefix");
    }

    private static ViewToggles Toggles(CacheInvocation invocation)
        => invocation.GetHttpContext().RequestServices.GetRequiredService<ViewToggles>();
}
