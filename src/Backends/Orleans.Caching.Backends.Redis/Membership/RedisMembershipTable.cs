using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Backends.Redis;
using Orleans.Caching.Runtime;

namespace Orleans.Caching;

/// <summary>
/// The membership table in one Redis hash, <c>{ServiceId}/members/{ClusterId}</c> (as Orleans' Redis clustering provider): field
/// <c>Version</c> holds the table version, and one field per silo (named by its address) holds its row as JSON. Every mutation is a
/// <c>MULTI/EXEC</c> conditioned on <c>Version</c> still holding the version the writer read, and sets it one higher; IAmAlive
/// rewrites only its row, conditioned on the row being unchanged, without a bump.
/// </summary>
public sealed class RedisMembershipTable : IMembershipTable, IDisposable
{
    private const string VersionField = "Version";
    private const int MaxAttempts = 16;

    private readonly IRedisConnection _connection;
    private readonly string _key;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="RedisMembershipTable"/> class; nothing connects until the first operation.</summary>
    /// <param name="options">The server and table identity.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">No host, or a malformed URL.</exception>
    public RedisMembershipTable(RedisMembershipTableOptions options, ILogger<RedisMembershipTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ServiceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClusterId);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        RedisConnectionSettings settings = RedisSettings.FromOptions(new RedisCacheOptions
        {
            Url = options.Url,
            Host = options.Host,
            Port = options.Port,
            Password = options.Password,
            Db = options.Db,
        });
        _connection = new StackExchangeRedisConnection(settings, _logger);
        _key = $"{options.ServiceId}/members/{options.ClusterId}";
    }

    /// <summary>Gets the hash key holding the table.</summary>
    public string Key => _key;

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _connection.HashSetIfMissingAsync(_key, VersionField, "0");
    }

    /// <inheritdoc/>
    public async Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        KeyValuePair<string, string>[] fields = await _connection.HashGetAllAsync(_key).ConfigureAwait(false);
        return ToSnapshot(fields);
    }

    /// <inheritdoc/>
    public async Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        string field = entry.Silo.ToString();
        string json = MembershipRowJson.Format(entry);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            string?[] current = await _connection.HashGetAsync(_key, [VersionField, field]).ConfigureAwait(false);
            if (current[0] is null || ParseVersion(current[0]!) != expectedVersion)
            {
                return false;
            }

            SiloStatus currentStatus = current[1] is { } row ? MembershipRowJson.Parse(row, _key, field).Status : SiloStatus.None;
            MembershipRules.CheckTransition(entry.Silo, currentStatus, entry.Status);
            if (await _connection.HashTransactionAsync(_key, VersionField, FormatVersion(expectedVersion),
                    [new(field, json), new(VersionField, FormatVersion(expectedVersion + 1))], []).ConfigureAwait(false))
            {
                return true;
            }

            // The condition is checked under WATCH, which aborts on any change to the hash, an IAmAlive write included:
            // read again, and give up only if the version itself moved on.
            Log.MembershipConflict(_logger, _key, "write");
            cancellationToken.ThrowIfCancellationRequested();
        }

        throw new CacheException($"The row of {entry.Silo} in Redis hash '{_key}' could not be written: the hash changed {MaxAttempts} times in a row.");
    }

    /// <inheritdoc/>
    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        string field = silo.ToString();
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string?[] current = await _connection.HashGetAsync(_key, [field]).ConfigureAwait(false);
            if (current[0] is not { } row)
            {
                return;
            }

            MembershipEntry updated = MembershipRowJson.Parse(row, _key, field) with { IAmAliveTime = time };
            if (await _connection.HashTransactionAsync(_key, field, row, [new(field, MembershipRowJson.Format(updated))], []).ConfigureAwait(false))
            {
                return;
            }

            Log.MembershipConflict(_logger, _key, "IAmAlive");
        }

        throw new CacheException($"The IAmAlive time of {silo} in Redis hash '{_key}' could not be written: its row changed {MaxAttempts} times in a row.");
    }

    /// <inheritdoc/>
    public async Task<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MembershipTableSnapshot table = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var defunct = new List<string>();
            foreach (MembershipEntry entry in table.Entries)
            {
                if (entry.Status == SiloStatus.Dead && entry.IAmAliveTime < before)
                {
                    defunct.Add(entry.Silo.ToString());
                }
            }

            if (defunct.Count == 0)
            {
                return 0;
            }

            if (await _connection.HashTransactionAsync(_key, VersionField, FormatVersion(table.Version),
                    [new(VersionField, FormatVersion(table.Version + 1))], defunct).ConfigureAwait(false))
            {
                return defunct.Count;
            }

            Log.MembershipConflict(_logger, _key, "cleanup");
        }

        throw new CacheException($"Defunct rows of Redis hash '{_key}' could not be deleted: the table changed {MaxAttempts} times in a row.");
    }

    /// <inheritdoc/>
    public Task DeleteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _connection.DeleteAsync(_key);
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _connection.Dispose();

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    private long ParseVersion(string text)
        => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long version)
            ? version
            : throw new CacheException($"The Version field of Redis hash '{_key}' is '{text}', not a number.");

    private MembershipTableSnapshot ToSnapshot(KeyValuePair<string, string>[] fields)
    {
        long version = 0;
        var entries = new List<MembershipEntry>(fields.Length);
        foreach ((string field, string value) in fields)
        {
            if (field == VersionField)
            {
                version = ParseVersion(value);
            }
            else
            {
                entries.Add(MembershipRowJson.Parse(value, _key, field));
            }
        }

        return new MembershipTableSnapshot(version, entries);
    }
}
