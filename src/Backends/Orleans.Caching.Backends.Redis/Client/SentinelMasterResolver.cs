using System.Net;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Orleans.Caching.Backends.Redis;

/// <summary>
/// Asks the sentinels who the master of a monitored name is (<c>SENTINEL get-master-addr-by-name</c>) and which replicas are healthy
/// (<c>SENTINEL replicas</c>). StackExchange.Redis 1.2.6 cannot follow a sentinel-managed master itself, so
/// <see cref="SentinelRedisConnection"/> calls this on first use and again whenever an operation fails.
/// </summary>
internal sealed class SentinelMasterResolver : IDisposable
{
    private readonly IReadOnlyList<RedisEndpoint> _sentinels;
    private readonly string _masterName;
    private readonly string? _password;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    public SentinelMasterResolver(IReadOnlyList<RedisEndpoint> sentinels, string masterName, string? password, ILogger logger)
    {
        _sentinels = sentinels;
        _masterName = masterName;
        _password = password;
        _logger = logger;
    }

    public string Description => $"sentinels {string.Join(',', _sentinels)} (master '{_masterName}')";

    /// <summary>Finds the current master and the healthy replicas.</summary>
    /// <returns>The master and replicas.</returns>
    /// <exception cref="CacheException">No sentinel could name the master.</exception>
    public async Task<(RedisEndpoint Master, IReadOnlyList<RedisEndpoint> Replicas)> ResolveAsync()
    {
        ConnectionMultiplexer multiplexer = await ConnectAsync().ConfigureAwait(false);
        foreach (EndPoint endpoint in multiplexer.GetEndPoints())
        {
            IServer sentinel = multiplexer.GetServer(endpoint);
            try
            {
                EndPoint? master = await sentinel.SentinelGetMasterAddressByNameAsync(_masterName).ConfigureAwait(false);
                if (master is null)
                {
                    continue;
                }

                KeyValuePair<string, string>[][] replicas = await sentinel.SentinelSlavesAsync(_masterName).ConfigureAwait(false);
                return (ToEndpoint(master), HealthyReplicas(replicas));
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                Log.SentinelUnreachable(_logger, endpoint.ToString() ?? "?", _masterName, RedisErrors.Scrub(exception.Message, _password));
            }
        }

        throw new CacheException($"No sentinel of {Description} could name the master: check that the sentinels run and monitor '{_masterName}'.");
    }

    public void Dispose()
    {
        _multiplexer?.Dispose();
        _connectGate.Dispose();
    }

    private static RedisEndpoint ToEndpoint(EndPoint endpoint) => endpoint switch
    {
        IPEndPoint ip => new RedisEndpoint(ip.Address.ToString(), ip.Port),
        DnsEndPoint dns => new RedisEndpoint(dns.Host, dns.Port),
        _ => RedisEndpoint.Parse(endpoint.ToString() ?? string.Empty),
    };

    private static List<RedisEndpoint> HealthyReplicas(KeyValuePair<string, string>[][] replicas)
    {
        var healthy = new List<RedisEndpoint>();
        foreach (KeyValuePair<string, string>[] replica in replicas)
        {
            var fields = replica.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
            string flags = fields.GetValueOrDefault("flags", string.Empty);
            // Sentinels report master-link-status from INFO they refresh every 10 s, so a fresh replica reads "err" for a while; only
            // replicas the sentinels consider down or disconnected are skipped (a read that fails on a replica falls back to the master).
            if (flags.Contains("down", StringComparison.Ordinal) || flags.Contains("disconnected", StringComparison.Ordinal))
            {
                continue;
            }

            if (fields.TryGetValue("ip", out string? ip) && int.TryParse(fields.GetValueOrDefault("port"), out int port))
            {
                healthy.Add(new RedisEndpoint(ip, port));
            }
        }

        return healthy;
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (_multiplexer is { } existing)
        {
            return existing;
        }

        await _connectGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_multiplexer is null)
            {
                var configuration = new ConfigurationOptions
                {
                    CommandMap = CommandMap.Sentinel,
                    TieBreaker = string.Empty,
                    AbortOnConnectFail = false,
                    ResolveDns = true,
                    Password = _password,
                    ConnectTimeout = 5000,
                };
                foreach (RedisEndpoint sentinel in _sentinels)
                {
                    configuration.EndPoints.Add(sentinel.Host, sentinel.Port);
                }

                _multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
            }

            return _multiplexer;
        }
        finally
        {
            _connectGate.Release();
        }
    }
}
