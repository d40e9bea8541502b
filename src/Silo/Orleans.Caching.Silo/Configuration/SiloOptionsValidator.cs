using System.Globalization;
using Microsoft.Extensions.Options;

namespace Orleans.Caching.Silo;

/// <summary>Validates <see cref="SiloOptions"/>; each message names the <c>Caching:Silo:&lt;Key&gt;</c> setting and its bad value.</summary>
public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;

        if (options.CollectionQuantum <= TimeSpan.Zero)
        {
            Fail(ref failures, nameof(SiloOptions.CollectionQuantum), options.CollectionQuantum, "must be positive");
        }

        if (options.CollectionAge <= options.CollectionQuantum)
        {
            Fail(ref failures, nameof(SiloOptions.CollectionAge), options.CollectionAge, $"must be greater than Caching:Silo:CollectionQuantum ({options.CollectionQuantum})");
        }

        if (options.MaxMemoryBytes < 0)
        {
            Fail(ref failures, nameof(SiloOptions.MaxMemoryBytes), options.MaxMemoryBytes, "must be 0 (unlimited) or positive");
        }

        if (options.MaxQueuedRequestsPerActivation < 1)
        {
            Fail(ref failures, nameof(SiloOptions.MaxQueuedRequestsPerActivation), options.MaxQueuedRequestsPerActivation, "must be at least 1");
        }

        if (options.ResponseTimeout <= TimeSpan.Zero && options.ResponseTimeout != Timeout.InfiniteTimeSpan)
        {
            Fail(ref failures, nameof(SiloOptions.ResponseTimeout), options.ResponseTimeout, "must be positive (or infinite)");
        }

        if (!Enum.IsDefined(options.Persistence))
        {
            Fail(ref failures, nameof(SiloOptions.Persistence), options.Persistence, "must be WriteThrough, WriteBehind or None");
        }

        if (options.WriteBehindFlushInterval <= TimeSpan.Zero)
        {
            Fail(ref failures, nameof(SiloOptions.WriteBehindFlushInterval), options.WriteBehindFlushInterval, "must be positive");
        }

        if (options.MaxValueBytes < 1)
        {
            Fail(ref failures, nameof(SiloOptions.MaxValueBytes), options.MaxValueBytes, "must be positive");
        }

        if (options.MaxKeyBytes < 1)
        {
            Fail(ref failures, nameof(SiloOptions.MaxKeyBytes), options.MaxKeyBytes, "must be positive");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Fail(ref List<string>? failures, string key, object value, string rule)
        => (failures ??= []).Add(string.Format(CultureInfo.InvariantCulture, "{0}:{1} {2}; the value is {3}.", SiloOptions.SectionName, key, rule, value));
}
