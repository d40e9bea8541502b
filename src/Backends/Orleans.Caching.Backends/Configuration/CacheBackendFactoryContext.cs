using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Orleans.Caching;

/// <summary>What a backend factory receives (Flask-Caching's <c>factory(app, config, args, kwargs)</c>): the normalized section,
/// <c>CACHE_ARGS</c>, <c>CACHE_OPTIONS</c>, the common backend options already bound, and the application's services.</summary>
public sealed class CacheBackendFactoryContext
{
    /// <summary>Initializes a new instance of the <see cref="CacheBackendFactoryContext"/> class and binds the common options.</summary>
    /// <param name="name">The backend name as configured (<c>Caching:Type</c>).</param>
    /// <param name="configuration">The normalized section (see <see cref="CacheConfigurationNormalizer"/>).</param>
    /// <param name="services">The application's services.</param>
    /// <param name="instanceName">The named instance being built; empty for the default cache.</param>
    /// <exception cref="CacheConfigurationException">A common value (timeout, prefix, limits, options) is invalid.</exception>
    public CacheBackendFactoryContext(string name, IConfiguration configuration, IServiceProvider services, string instanceName = "")
        : this(name, configuration, services, instanceName, SectionPathOf(instanceName))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CacheBackendFactoryContext"/> class for a backend configured by a section other
    /// than a cache's (a silo's storage, <c>Caching:Silo:Storage</c>), and binds the common options.</summary>
    /// <param name="name">The backend name as configured.</param>
    /// <param name="configuration">The normalized section (see <see cref="CacheConfigurationNormalizer.NormalizeSection"/>).</param>
    /// <param name="services">The application's services.</param>
    /// <param name="instanceName">The named instance the backend serves; empty for none or the default cache.</param>
    /// <param name="sectionPath">The section's full path, used in messages.</param>
    /// <exception cref="CacheConfigurationException">A common value (timeout, prefix, limits, options) is invalid.</exception>
    public CacheBackendFactoryContext(string name, IConfiguration configuration, IServiceProvider services, string instanceName, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(instanceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        Name = name;
        InstanceName = instanceName;
        SectionPath = sectionPath;
        Configuration = configuration;
        Services = services;
        TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        LoggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        Reader = new CacheConfigurationReader(configuration, SectionPath);
        Args = Reader.GetArgs();
        Options = Reader.GetOptions();
        BackendOptions = CacheBackendOptionsBinder.BindCommon(Reader, Options);
    }

    /// <summary>Gets the backend name as configured, such as <c>"cachelib.SimpleCache"</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the named instance being built; empty for the default cache.</summary>
    public string InstanceName { get; }

    /// <summary>Gets the configuration path of the section, for messages: <c>Caching</c>, <c>Caching:Instances:&lt;name&gt;</c> or <c>Caching:Silo:Storage</c>.</summary>
    public string SectionPath { get; }

    /// <summary>Gets the normalized section: canonical keys only (<c>Type</c>, <c>Threshold</c>, <c>Redis:Host</c>, ...).</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Gets the positional arguments (<c>CACHE_ARGS</c>).</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>Gets the option overrides (<c>CACHE_OPTIONS</c>) by the name given in configuration, case-insensitive.</summary>
    public IReadOnlyDictionary<string, string?> Options { get; }

    /// <summary>Gets the common options, bound from <c>DefaultTimeout</c>, <c>IgnoreErrors</c>, <c>KeyPrefix</c>, <c>MaxKeyBytes</c>,
    /// <c>MaxValueBytes</c> and their <see cref="Options"/> overrides (<c>default_timeout</c>, <c>ignore_delete_many_errors</c>, ...).</summary>
    public CacheBackendOptions BackendOptions { get; }

    /// <summary>Gets the application's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Gets the clock backends must use for expiry (the registered <see cref="System.TimeProvider"/>, else the system clock).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the logger factory.</summary>
    public ILoggerFactory LoggerFactory { get; }

    internal CacheConfigurationReader Reader { get; }

    private static string SectionPathOf(string instanceName)
    {
        ArgumentNullException.ThrowIfNull(instanceName);
        return instanceName.Length == 0
            ? CacheConfigurationNormalizer.SectionName
            : $"{CacheConfigurationNormalizer.SectionName}:{CacheConfigurationNormalizer.InstancesKey}:{instanceName}";
    }

    /// <summary>Creates a backend's options: copies <see cref="BackendOptions"/>, lets <paramref name="bindSection"/> read the
    /// backend's own keys and <see cref="Args"/>, then applies the matching <see cref="Options"/> overrides
    /// (case-insensitive, <c>snake_case</c> accepted). An override naming no property fails.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="bindSection">Reads backend-specific keys; may be <see langword="null"/>.</param>
    /// <param name="optionNames">Extra override names mapped to property names, such as <c>["cache_dir"] = "Directory"</c>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="CacheConfigurationException">An override names no property or does not convert.</exception>
    public TOptions CreateOptions<TOptions>(Action<TOptions>? bindSection = null, IReadOnlyDictionary<string, string>? optionNames = null)
        where TOptions : CacheBackendOptions, new()
    {
        var options = new TOptions();
        CacheBackendOptionsBinder.CopyCommon(BackendOptions, options);
        bindSection?.Invoke(options);
        CacheBackendOptionsBinder.ApplyOverrides(options, Options, optionNames, ignoreUnknown: false, SectionPath);
        return options;
    }
}
