using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// ASP.NET Core's output cache store over an Orleans.Caching <see cref="Cache"/> (Local, Cluster or a direct backend).
/// </summary>
/// <remarks>
/// <para>Tag eviction works across processes because it lives in the cache itself: each tag has a version key
/// (<c>{prefix}tag/{tag}</c>) holding a random 16-byte token, created with <c>add</c> (so concurrent writers agree on one).
/// An entry records the token of each of its tags when it is stored; <see cref="EvictByTagAsync"/> deletes the tag's version key,
/// and a read that finds a tag token missing or different treats the entry as a miss and deletes it. Tokens are random, never
/// reused, so an evicted entry can never match again, even if the version key is itself dropped by the backend (that only costs misses).</para>
/// <para>Race: an entry whose response was produced before an eviction but whose <c>SetAsync</c> reads the new token after it is kept
/// (the store cannot see when the response was produced; the in-memory store behaves the same). Any entry stored before the eviction
/// completed is never served afterwards.</para>
/// <para>Expiry is judged on the injected <see cref="TimeProvider"/> (stored in the entry) as well as by the backend's time-to-live.
/// Backend failures on reads and writes are logged and the response is produced uncached; a failed eviction throws.</para>
/// </remarks>
internal sealed class OrleansOutputCacheStore : IOutputCacheBufferStore
{
    private readonly ICacheBackend _backend;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _entryPrefix;
    private readonly string _tagPrefix;

    public OrleansOutputCacheStore(Cache cache, OrleansOutputCacheOptions options, TimeProvider timeProvider, ILogger<OrleansOutputCacheStore> logger)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _backend = cache.Backend;
        _timeProvider = timeProvider;
        _logger = logger;
        _entryPrefix = options.KeyPrefix + "entry/";
        _tagPrefix = options.KeyPrefix + "tag/";
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        (byte[] Payload, int BodyOffset)? entry = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return entry is { } found ? found.Payload.AsSpan(found.BodyOffset).ToArray() : null;
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        (byte[] Payload, int BodyOffset)? entry = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (entry is not { } found)
        {
            return false;
        }

        destination.Write(found.Payload.AsSpan(found.BodyOffset));
        return true;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SetAsync(key, new ReadOnlySequence<byte>(value), tags ?? ReadOnlyMemory<string>.Empty, validFor, cancellationToken);
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (validFor <= TimeSpan.Zero)
        {
            return;
        }

        string entryKey = _entryPrefix + key;
        try
        {
            byte[][] tokens = await GetOrCreateTokensAsync(tags, cancellationToken).ConfigureAwait(false);
            long expires = (_timeProvider.GetUtcNow() + validFor).UtcTicks;
            byte[] payload = OutputCacheEntryCodec.Encode(expires, tags.Span, tokens, value);
            await _backend.SetAsync(entryKey, payload, CacheTimeout.FromTimeSpan(validFor), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.OutputCacheWriteFailed(_logger, entryKey, ex);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        await _backend.DeleteAsync(_tagPrefix + tag, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<(byte[] Payload, int BodyOffset)?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        string entryKey = _entryPrefix + key;
        try
        {
            byte[]? payload = await _backend.GetAsync(entryKey, cancellationToken).ConfigureAwait(false);
            if (payload is null)
            {
                return null;
            }

            if (!OutputCacheEntryCodec.TryDecode(payload, out long expires, out string[]? tags, out int[]? tokenOffsets, out int bodyOffset))
            {
                Log.OutputCacheEntryCorrupt(_logger, entryKey);
                return null;
            }

            if (_timeProvider.GetUtcNow().UtcTicks >= expires)
            {
                return null;
            }

            if (tags is not null && !await TokensMatchAsync(payload, tags, tokenOffsets!, cancellationToken).ConfigureAwait(false))
            {
                Log.OutputCacheEntryEvicted(_logger, entryKey);
                await DeleteEvictedAsync(entryKey).ConfigureAwait(false);
                return null;
            }

            return (payload, bodyOffset);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.OutputCacheReadFailed(_logger, entryKey, ex);
            return null;
        }
    }

    private async ValueTask<bool> TokensMatchAsync(byte[] payload, string[] tags, int[] tokenOffsets, CancellationToken cancellationToken)
    {
        var tagKeys = new string[tags.Length];
        for (int i = 0; i < tags.Length; i++)
        {
            tagKeys[i] = _tagPrefix + tags[i];
        }

        IReadOnlyList<byte[]?> current = await _backend.GetManyAsync(tagKeys, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < tags.Length; i++)
        {
            if (current[i] is not { } token
                || !token.AsSpan().SequenceEqual(payload.AsSpan(tokenOffsets[i], OutputCacheEntryCodec.TokenLength)))
            {
                return false;
            }
        }

        return true;
    }

    private async ValueTask<byte[][]> GetOrCreateTokensAsync(ReadOnlyMemory<string> tags, CancellationToken cancellationToken)
    {
        if (tags.IsEmpty)
        {
            return [];
        }

        var tagKeys = new string[tags.Length];
        for (int i = 0; i < tagKeys.Length; i++)
        {
            tagKeys[i] = _tagPrefix + (tags.Span[i] ?? throw new ArgumentException("An output cache tag is null.", nameof(tags)));
        }

        IReadOnlyList<byte[]?> current = await _backend.GetManyAsync(tagKeys, cancellationToken).ConfigureAwait(false);
        var tokens = new byte[tagKeys.Length][];
        for (int i = 0; i < tokens.Length; i++)
        {
            if (current[i] is { Length: OutputCacheEntryCodec.TokenLength } token)
            {
                tokens[i] = token;
                continue;
            }

            // No version yet (or the tag was evicted): create one; if another writer won the add, use theirs.
            byte[] created = Guid.NewGuid().ToByteArray();
            if (await _backend.AddAsync(tagKeys[i], created, CacheTimeout.Never, cancellationToken).ConfigureAwait(false))
            {
                tokens[i] = created;
            }
            else
            {
                tokens[i] = await _backend.GetAsync(tagKeys[i], cancellationToken).ConfigureAwait(false) is { Length: OutputCacheEntryCodec.TokenLength } winner
                    ? winner
                    : throw new InvalidOperationException($"The version of output cache tag '{tags.Span[i]}' changed while the entry was being stored; the entry is not stored.");
            }
        }

        return tokens;
    }

    private async ValueTask DeleteEvictedAsync(string entryKey)
    {
        try
        {
            await _backend.DeleteAsync(entryKey, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.OutputCacheDeleteFailed(_logger, entryKey, ex);
        }
    }
}
