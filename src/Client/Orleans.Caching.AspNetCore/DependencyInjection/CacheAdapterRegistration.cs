using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Orleans.Caching.AspNetCore;

/// <summary>Registers an ASP.NET Core abstraction (output cache store, distributed cache) over an Orleans.Caching <see cref="Cache"/>.</summary>
internal static class CacheAdapterRegistration
{
    /// <summary>Replaces any registered <typeparamref name="TService"/> with one built over the configured cache; the options are validated at start.</summary>
    /// <typeparam name="TService">The abstraction.</typeparam>
    /// <typeparam name="TOptions">The adapter's options.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options; may be <see langword="null"/>.</param>
    /// <param name="purpose">What the prefix keeps apart, for the validation message (e.g. "output cache keys").</param>
    /// <param name="create">Builds the adapter from the cache, the options and the services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection Replace<TService, TOptions>(
        IServiceCollection services, Action<TOptions>? configure, string purpose, Func<Cache, TOptions, IServiceProvider, TService> create)
        where TService : class
        where TOptions : class, ICacheAdapterOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<TOptions> options = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrEmpty(o.KeyPrefix), $"{typeof(TOptions).Name}.KeyPrefix must not be empty: it keeps {purpose} apart from the application's own keys.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<TService>();
        services.AddSingleton(sp =>
        {
            TOptions value = sp.GetRequiredService<IOptions<TOptions>>().Value;
            Cache cache = value.CacheName is null ? sp.GetRequiredService<Cache>() : sp.GetRequiredKeyedService<Cache>(value.CacheName);
            return create(cache, value, sp);
        });
        return services;
    }
}
