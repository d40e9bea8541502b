using Microsoft.Extensions.Options;

namespace Orleans.Caching;

/// <summary>
/// Validates a cache instance at start (<c>ValidateOnStart</c>) and on first use: the hash method of <see cref="CacheOptions"/>
/// (<c>CACHE_HASH_METHOD</c>), and, for caches configured through <c>AddOrleansCaching</c>, that the backend name and the serializer resolve.
/// </summary>
internal sealed class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    private readonly CachingRegistration _registration;

    public CacheOptionsValidator(CachingRegistration registration) => _registration = registration;

    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        name ??= Options.DefaultName;
        string sectionPath = CachingRegistration.SectionPath(name);
        var failures = new List<string>();
        if (!CacheHashMethod.All.Any(m => string.Equals(m.Name, options.HashMethod?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add(CacheConfigurationReader.Invalid($"{sectionPath}:HashMethod", FlaskConfigurationAliases.Describe(sectionPath, "HashMethod"), options.HashMethod,
                $"known hash methods: {string.Join(", ", CacheHashMethod.All.Select(m => m.Name))}").Message);
        }

        if (_registration.Knows(name))
        {
            try
            {
                CacheConfigurationReader reader = _registration.Reader(name);
                CacheSerializerResolver.Validate(_registration, reader);
                _registration.Registry.ResolveName(reader.GetNonEmptyString("Type") ?? CachingRegistration.DefaultBackendType, sectionPath);
            }
            catch (CacheConfigurationException ex)
            {
                failures.Add(ex.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
