using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Builds the <see cref="IMembershipTable"/> that <see cref="ClusterMembershipOptions.Type"/> names.</summary>
public static class MembershipTableFactory
{
    /// <summary>Returns the <see cref="IMembershipTable"/> registered in DI if there is one (the in-process test cluster shares one),
    /// else builds the table <see cref="ClusterMembershipOptions"/> names.</summary>
    /// <param name="services">The services (<see cref="IOptions{TOptions}"/> of <see cref="ClusterMembershipOptions"/>; optional
    /// <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/>).</param>
    /// <returns>The table; not yet initialized.</returns>
    public static IMembershipTable Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<IMembershipTable>()
            ?? Create(
                services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value,
                services.GetService<TimeProvider>() ?? TimeProvider.System,
                services.GetService<ILoggerFactory>());
    }

    /// <summary>Builds the table the options name: <c>InMemory</c> → <see cref="InMemoryMembershipTable"/>, <c>File</c> →
    /// <see cref="FileMembershipTable"/> at <see cref="ClusterMembershipOptions.Path"/>, <c>Redis</c> → <see cref="RedisMembershipTable"/>
    /// with <see cref="ClusterMembershipOptions.Redis"/>, <c>Static</c>/<c>Development</c> → the development table of
    /// <see cref="ClusterMembershipOptions.Seeds"/> (usable only by a cluster silo, which binds it to its own address before joining: the
    /// first seed's silo holds the table, the others call it).</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock (file lock waits).</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/>.</param>
    /// <returns>The table; not yet initialized.</returns>
    /// <exception cref="ArgumentException">The options are invalid (the message is the validator's).</exception>
    public static IMembershipTable Create(ClusterMembershipOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ValidateOptionsResult result = new ClusterMembershipOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }

        if (options.Type.Equals(ClusterMembershipOptions.FileType, StringComparison.OrdinalIgnoreCase))
        {
            return new FileMembershipTable(new FileMembershipTableOptions { Path = options.Path! }, timeProvider);
        }

        if (options.Type.Equals(ClusterMembershipOptions.RedisType, StringComparison.OrdinalIgnoreCase))
        {
            return new RedisMembershipTable(options.Redis, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RedisMembershipTable>());
        }

        if (ClusterMembershipOptions.IsStatic(options.Type))
        {
            return new StaticMembershipTable(options, timeProvider, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<StaticMembershipTable>());
        }

        return new InMemoryMembershipTable();
    }
}
