using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Tests.Configuration;

public sealed class SiloOptionsValidatorTests
{
    private static readonly SiloOptionsValidator s_validator = new();

    [Fact]
    public void The_defaults_are_valid_and_documented_values()
    {
        var options = new SiloOptions();

        Assert.True(s_validator.Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(15), options.CollectionAge);
        Assert.Equal(TimeSpan.FromMinutes(1), options.CollectionQuantum);
        Assert.Equal(0, options.MaxMemoryBytes);
        Assert.Equal(1_000, options.MaxQueuedRequestsPerActivation);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ResponseTimeout);
        Assert.Equal(PersistenceMode.WriteThrough, options.Persistence);
        Assert.Equal(TimeSpan.FromSeconds(1), options.WriteBehindFlushInterval);
        Assert.Equal(16 * 1024 * 1024, options.MaxValueBytes);
        Assert.Equal(8 * 1024, options.MaxKeyBytes);
    }

    [Theory]
    [InlineData("CollectionAge", "00:01:00")]
    [InlineData("MaxMemoryBytes", "-1")]
    [InlineData("MaxQueuedRequestsPerActivation", "0")]
    [InlineData("ResponseTimeout", "00:00:00")]
    [InlineData("Persistence", "42")]
    [InlineData("WriteBehindFlushInterval", "00:00:00")]
    [InlineData("MaxValueBytes", "0")]
    [InlineData("MaxKeyBytes", "-5")]
    public void A_bad_value_is_reported_with_its_key_and_value(string key, string value)
    {
        var options = new SiloOptions();
        switch (key)
        {
            case "CollectionAge": options.CollectionAge = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "MaxMemoryBytes": options.MaxMemoryBytes = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "MaxQueuedRequestsPerActivation": options.MaxQueuedRequestsPerActivation = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "ResponseTimeout": options.ResponseTimeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Persistence": options.Persistence = (PersistenceMode)int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "WriteBehindFlushInterval": options.WriteBehindFlushInterval = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "MaxValueBytes": options.MaxValueBytes = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: options.MaxKeyBytes = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var result = s_validator.Validate(null, options);

        Assert.True(result.Failed);
        string failure = Assert.Single(result.Failures!);
        Assert.Contains($"Caching:Silo:{key}", failure, StringComparison.Ordinal);
        Assert.Contains(value, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_response_timeout_is_allowed()
    {
        Assert.True(s_validator.Validate(null, new SiloOptions { ResponseTimeout = Timeout.InfiniteTimeSpan }).Succeeded);
    }

    [Fact]
    public void Resolving_the_silo_with_invalid_options_fails_with_the_message()
    {
        var services = new ServiceCollection().AddOrleansCachingSiloCore();
        services.Configure<SiloOptions>(options => options.CollectionQuantum = TimeSpan.FromHours(1));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LocalSilo>());

        Assert.Contains("Caching:Silo:CollectionAge", error.Message, StringComparison.Ordinal);
    }
}
