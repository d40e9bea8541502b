using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Orleans.Caching.Backends.Redis;

/// <summary>
/// <see cref="IRedisConnection"/> over one StackExchange.Redis <see cref="ConnectionMultiplexer"/>, created on first use (construction never
/// needs a live server) with <c>abortConnect=false</c>, so the multiplexer keeps reconnecting in the background after a server comes back.
/// </summary>
internal sealed partial class StackExchangeRedisConnection : IRedisConnection
{
    private readonly RedisConnectionSettings _settings;
    private readonly ILogger _logger;
    private readonly CommandFlags _readFlags;
    private readonly RedisCertificateValidator? _certificates;
    private readonly object _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private ConnectionMultiplexer? _multiplexer;
    private UnixSocketRelay? _relay;
    private bool _disposed;

    public StackExchangeRedisConnection(RedisConnectionSettings settings, ILogger logger)
    {
        _settings = settings;
        _logger = logger;
        Description = settings.Describe();
        _readFlags = settings.ReadFromReplica ? CommandFlags.PreferSlave : CommandFlags.None;
        _certificates = settings.Ssl ? RedisCertificateValidator.Create(settings) : null;
        _ = BuildConfiguration(settings, [], _certificates);
    }

    public string Description { get; }

    public void Dispose()
    {
        ConnectionMultiplexer? multiplexer;
        lock (_gate)
        {
            _disposed = true;
            multiplexer = _multiplexer;
            _multiplexer = null;
        }

        if (multiplexer is null && _connecting is { IsCompletedSuccessfully: true } connecting)
        {
            multiplexer = connecting.Result;
        }

        // Without waiting for commands in flight: a graceful close waits for a reply that a dead server never sends.
        multiplexer?.Close(allowCommandsToComplete: false);
        multiplexer?.Dispose();

        _relay?.Dispose();
    }

    /// <summary>Builds the client configuration: extra options first, then endpoints, password, TLS and the settings this class relies on.</summary>
    internal static ConfigurationOptions BuildConfiguration(RedisConnectionSettings settings, IReadOnlyList<EndPoint> endpoints, RedisCertificateValidator? certificates)
    {
        string extra = string.Join(',', settings.ClientOptions.Select(pair => $"{pair.Key}={pair.Value}"));
        ConfigurationOptions configuration;
        try
        {
            configuration = extra.Length == 0 ? new ConfigurationOptions() : ConfigurationOptions.Parse(extra);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"Invalid Redis client option in Caching:Redis:Options ({extra}): {exception.Message}", nameof(settings), exception);
        }

        foreach (EndPoint endpoint in endpoints)
        {
            configuration.EndPoints.Add(endpoint);
        }

        configuration.Password = settings.Password;
        configuration.DefaultDatabase = settings.Db;
        configuration.AbortOnConnectFail = false;
        configuration.AllowAdmin = true;
        configuration.ResolveDns = true;
        if (!settings.ClientOptions.ContainsKey("connectTimeout"))
        {
            configuration.ConnectTimeout = 5000;
        }

        if (settings.Ssl)
        {
            configuration.Ssl = true;
            configuration.SslHost ??= settings.Endpoints.Count > 0 ? settings.Endpoints[0].Host : null;
            if (certificates is not null)
            {
                configuration.CertificateValidation += certificates.Validate;
            }
        }

        return configuration;
    }

    private static bool IsClientFailure(Exception exception)
        => exception is RedisException or TimeoutException or SocketException or IOException or ObjectDisposedException;

    private ValueTask<ConnectionMultiplexer> GetMultiplexerAsync()
    {
        ConnectionMultiplexer? multiplexer = _multiplexer;
        return multiplexer is not null ? new(multiplexer) : new(ConnectSlowAsync());
    }

    private async Task<ConnectionMultiplexer> ConnectSlowAsync()
    {
        Task<ConnectionMultiplexer> connecting;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectAsync();
            }

            connecting = _connecting;
        }

        ConnectionMultiplexer multiplexer = await connecting.ConfigureAwait(false);
        lock (_gate)
        {
            _multiplexer = multiplexer;
        }

        return multiplexer;
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        Log.Connecting(_logger, Description);
        var endpoints = new List<EndPoint>();
        if (_settings.UnixSocketPath is { } path)
        {
            _relay ??= UnixSocketRelay.Start(path);
            endpoints.Add(_relay.EndPoint);
        }
        else
        {
            foreach (RedisEndpoint endpoint in _settings.Endpoints)
            {
                endpoints.Add(IPAddress.TryParse(endpoint.Host, out IPAddress? address)
                    ? new IPEndPoint(address, endpoint.Port)
                    : new DnsEndPoint(endpoint.Host, endpoint.Port));
            }
        }

        ConfigurationOptions configuration = BuildConfiguration(_settings, endpoints, _certificates);
        return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
    }

    private async Task<TResult> RunAsync<TState, TResult>(string command, TState state, Func<IDatabase, TState, Task<TResult>> operation)
    {
        try
        {
            ConnectionMultiplexer multiplexer = await GetMultiplexerAsync().ConfigureAwait(false);
            return await operation(multiplexer.GetDatabase(_settings.Db), state).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsClientFailure(exception))
        {
            throw Failure(command, exception);
        }
    }

    private async Task<TResult> RunOnMultiplexerAsync<TState, TResult>(string command, TState state, Func<ConnectionMultiplexer, TState, Task<TResult>> operation)
    {
        try
        {
            ConnectionMultiplexer multiplexer = await GetMultiplexerAsync().ConfigureAwait(false);
            return await operation(multiplexer, state).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsClientFailure(exception))
        {
            throw Failure(command, exception);
        }
    }

    private CacheException Failure(string command, Exception exception)
    {
        string? tls = _certificates?.LastRejection;
        CacheException failure = RedisErrors.Wrap(Description, command, exception, tls, _settings.Password);
        Log.CommandFailed(_logger, Description, command, (tls is null ? string.Empty : tls + "; ") + RedisErrors.Scrub(exception.Message, _settings.Password));
        return failure;
    }
}
