using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Validates <see cref="ClusterMembershipOptions"/>; each message names the <c>Caching:Silo:Membership:&lt;Key&gt;</c> setting and its bad value.</summary>
public sealed class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    private const string Prefix = ClusterMembershipOptions.SectionName + ":";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateType(options, failures);
        Positive(failures, nameof(options.IAmAliveInterval), options.IAmAliveInterval);
        Positive(failures, nameof(options.TableRefreshInterval), options.TableRefreshInterval);
        Positive(failures, nameof(options.ProbeInterval), options.ProbeInterval);
        Positive(failures, nameof(options.ProbeTimeout), options.ProbeTimeout);
        Positive(failures, nameof(options.JoinTimeout), options.JoinTimeout);
        Positive(failures, nameof(options.DefunctSiloExpiration), options.DefunctSiloExpiration);
        AtLeastOne(failures, nameof(options.MissedProbesLimit), options.MissedProbesLimit);
        AtLeastOne(failures, nameof(options.NumProbedSilos), options.NumProbedSilos);
        AtLeastOne(failures, nameof(options.NumVotesForDeathDeclaration), options.NumVotesForDeathDeclaration);
        TimeSpan suspicionTime = options.ProbeInterval * Math.Max(1, options.MissedProbesLimit);
        if (options.DeathVoteExpiration < suspicionTime)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix}DeathVoteExpiration = {options.DeathVoteExpiration} must be at least ProbeInterval × MissedProbesLimit ({suspicionTime}): otherwise a vote expires before a second prober can add its own."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateType(ClusterMembershipOptions options, List<string> failures)
    {
        string type = options.Type ?? string.Empty;
        if (type.Equals(ClusterMembershipOptions.InMemoryType, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (type.Equals(ClusterMembershipOptions.FileType, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.Path))
            {
                failures.Add($"{Prefix}Path is required when {Prefix}Type = File: name the JSON file every silo shares.");
            }

            return;
        }

        if (type.Equals(ClusterMembershipOptions.RedisType, StringComparison.OrdinalIgnoreCase))
        {
            if (options.Redis is null || (string.IsNullOrWhiteSpace(options.Redis.Url) && string.IsNullOrWhiteSpace(options.Redis.Host)))
            {
                failures.Add($"{Prefix}Redis:Url or {Prefix}Redis:Host is required when {Prefix}Type = Redis.");
            }
            else if (string.IsNullOrWhiteSpace(options.Redis.ServiceId) || string.IsNullOrWhiteSpace(options.Redis.ClusterId))
            {
                failures.Add($"{Prefix}Redis:ServiceId and {Prefix}Redis:ClusterId must not be empty (they name the Redis hash).");
            }

            return;
        }

        if (ClusterMembershipOptions.IsStatic(type))
        {
            ValidateSeeds(options, type, failures);
            return;
        }

        failures.Add($"{Prefix}Type = '{type}' is unknown; use one of: {ClusterMembershipOptions.InMemoryType}, {ClusterMembershipOptions.FileType}, {ClusterMembershipOptions.RedisType}, {ClusterMembershipOptions.StaticType} (alias {ClusterMembershipOptions.DevelopmentType}).");
    }

    private static void ValidateSeeds(ClusterMembershipOptions options, string type, List<string> failures)
    {
        if (options.Seeds is null || options.Seeds.Count == 0)
        {
            failures.Add($"{Prefix}Seeds is required when {Prefix}Type = {type}: list host:port entries (such as {Prefix}Seeds:0 = silo-0.cache:11111); the first is the primary silo that holds the membership table, and every silo must list the same first seed.");
            return;
        }

        for (int i = 0; i < options.Seeds.Count; i++)
        {
            if (!SeedResolver.TryParse(options.Seeds[i], out _, out _))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Prefix}Seeds:{i} = '{options.Seeds[i]}' is not host:port (such as silo-0.cache:11111, 10.0.0.5:11111 or [::1]:11111){(i == 0 ? "; the first seed is the primary silo that holds the membership table" : string.Empty)}."));
            }
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{key} = {value} must be positive."));
        }
    }

    private static void AtLeastOne(List<string> failures, string key, int value)
    {
        if (value < 1)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{key} = {value} must be at least 1."));
        }
    }
}
