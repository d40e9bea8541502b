using System.Buffers.Binary;
using Orleans.Caching.Backends.Memcached;
using Orleans.Caching.Memcached.Client;
using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching;

public sealed partial class SpreadSASLMemcachedCache
{
    private readonly record struct SpreadRead(byte[] Value, MemcachedItem First);

    private readonly record struct SpreadPlan(int PieceSize, int Count);

    private readonly record struct SpreadHeader(int Count, int Total, ulong WriteId);

    /// <summary>Chooses the piece size (the chunk size, lowered so a piece and its longest chunk key fit one item) and the chunk count.</summary>
    private SpreadPlan Plan(string key, int length)
    {
        int longestKey = MemcachedKey.Encode(ChunkKey(key, _options.MaxChunks - 1)).Length;
        int pieceSize = Math.Min(_options.ChunkSize, MemcachedOptions.MaxItemBytes - ItemOverheadBytes - longestKey);
        int firstCapacity = pieceSize - HeaderLength;
        int otherCapacity = pieceSize - WriteIdLength;
        long count = length <= firstCapacity ? 1 : 1 + (((long)length - firstCapacity + otherCapacity - 1) / otherCapacity);
        if (count > _options.MaxChunks)
        {
            long limit = firstCapacity + ((long)(_options.MaxChunks - 1) * otherCapacity);
            throw new CacheValueTooLargeException(key, length, limit,
                $"{_options.MaxChunks} chunks (maxchunk) of {pieceSize} bytes (chunksize {_options.ChunkSize}, within Caching:Memcached:MaxItemBytes)");
        }

        return new SpreadPlan(pieceSize, (int)count);
    }

    private async ValueTask<bool> WriteSpreadAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, StoreMode mode, CancellationToken cancellationToken)
    {
        SpreadPlan plan = Plan(key, value.Length);
        uint expiry = ExpiryFor(timeout);
        ulong writeId = NewWriteId();
        int firstLength = Math.Min(value.Length, plan.PieceSize - HeaderLength);
        byte[] first = new byte[HeaderLength + firstLength];
        WriteHeader(first, plan.Count, value.Length, writeId);
        value.Span[..firstLength].CopyTo(first.AsSpan(HeaderLength));
        string firstKey = ChunkKey(key, 0);
        if (mode == StoreMode.Add
            && await StoreAsync(firstKey, MemcachedKey.Encode(firstKey), StoreMode.Add, first, expiry, 0, cancellationToken).ConfigureAwait(false) != StoreResult.Stored)
        {
            return false;
        }

        int offset = firstLength;
        int otherCapacity = plan.PieceSize - WriteIdLength;
        for (int i = 1; i < plan.Count; i++)
        {
            int length = Math.Min(otherCapacity, value.Length - offset);
            byte[] piece = new byte[WriteIdLength + length];
            BinaryPrimitives.WriteUInt64BigEndian(piece, writeId);
            value.Span.Slice(offset, length).CopyTo(piece.AsSpan(WriteIdLength));
            offset += length;
            string chunkKey = ChunkKey(key, i);
            await StoreAsync(chunkKey, MemcachedKey.Encode(chunkKey), StoreMode.Set, piece, expiry, 0, cancellationToken).ConfigureAwait(false);
        }

        if (mode == StoreMode.Set
            && await StoreAsync(firstKey, MemcachedKey.Encode(firstKey), StoreMode.Set, first, expiry, 0, cancellationToken).ConfigureAwait(false) != StoreResult.Stored)
        {
            return false;
        }

        try
        {
            await DeleteQuietAsync(ChunkKeys(key, plan.Count, _options.MaxChunks), cancellationToken).ConfigureAwait(false);
        }
        catch (MemcachedServerUnavailableException ex)
        {
            // Stale chunks on a server that is down carry another write id, so they are never read.
            Log.SpreadValueUnreadable(Logger, key, "stale chunks could not be deleted: " + ex.Message);
        }

        return true;
    }

    private async ValueTask<SpreadRead?> ReadSpreadAsync(string key, CancellationToken cancellationToken)
    {
        string firstKey = ChunkKey(key, 0);
        MemcachedItem? first = await ReadItemAsync(firstKey, MemcachedKey.Encode(firstKey), withValue: true, cancellationToken).ConfigureAwait(false);
        return first is null ? null : (await CompleteReadsAsync([key], [first], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Reads several values: every first chunk in one batch, then every other chunk of every value in a second batch.</summary>
    private async ValueTask<SpreadRead?[]> ReadSpreadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var firstKeys = new byte[keys.Count][];
        for (int i = 0; i < firstKeys.Length; i++)
        {
            firstKeys[i] = MemcachedKey.Encode(ChunkKey(keys[i], 0));
        }

        MemcachedItem?[] firsts = await ReadItemsAsync(firstKeys, cancellationToken).ConfigureAwait(false);
        return await CompleteReadsAsync(keys, firsts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes reads from their first chunks: single-chunk values at once, the remaining chunks of all others in one batch read.</summary>
    private async ValueTask<SpreadRead?[]> CompleteReadsAsync(IReadOnlyList<string> keys, MemcachedItem?[] firsts, CancellationToken cancellationToken)
    {
        var results = new SpreadRead?[keys.Count];
        List<(int Index, SpreadHeader Header)>? pending = null;
        int chunkCount = 0;
        for (int i = 0; i < keys.Count; i++)
        {
            if (firsts[i] is not { } first)
            {
                continue;
            }

            byte[] head = first.Value!;
            if (!head.AsSpan().StartsWith(Magic))
            {
                results[i] = new SpreadRead(head, first);
            }
            else if (ParseHeader(keys[i], head) is { } header)
            {
                if (header.Count == 1)
                {
                    results[i] = head.Length - HeaderLength == header.Total ? new SpreadRead(head[HeaderLength..], first) : Unreadable(keys[i], "the length does not match the header");
                }
                else
                {
                    (pending ??= []).Add((i, header));
                    chunkCount += header.Count - 1;
                }
            }
        }

        if (pending is null)
        {
            return results;
        }

        var chunkKeys = new byte[chunkCount][];
        int next = 0;
        foreach ((int index, SpreadHeader header) in pending)
        {
            for (int c = 1; c < header.Count; c++)
            {
                chunkKeys[next++] = MemcachedKey.Encode(ChunkKey(keys[index], c));
            }
        }

        MemcachedItem?[] chunks = await ReadItemsAsync(chunkKeys, cancellationToken).ConfigureAwait(false);
        int offset = 0;
        foreach ((int index, SpreadHeader header) in pending)
        {
            MemcachedItem first = firsts[index]!.Value;
            results[index] = Assemble(keys[index], header, first, chunks.AsSpan(offset, header.Count - 1));
            offset += header.Count - 1;
        }

        return results;
    }

    private SpreadHeader? ParseHeader(string key, byte[] head)
    {
        if (head.Length < HeaderLength)
        {
            Unreadable(key, "the first chunk is shorter than its header");
            return null;
        }

        int count = BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(4));
        int total = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(6)), int.MaxValue);
        ulong writeId = BinaryPrimitives.ReadUInt64BigEndian(head.AsSpan(10));
        if (count < 1 || head.Length - HeaderLength > total)
        {
            Unreadable(key, "the header is inconsistent");
            return null;
        }

        return new SpreadHeader(count, total, writeId);
    }

    private SpreadRead? Assemble(string key, SpreadHeader header, MemcachedItem first, ReadOnlySpan<MemcachedItem?> chunks)
    {
        byte[] head = first.Value!;
        byte[] value = new byte[header.Total];
        head.AsSpan(HeaderLength).CopyTo(value);
        int offset = head.Length - HeaderLength;
        for (int i = 1; i < header.Count; i++)
        {
            if (chunks[i - 1] is not { } chunk)
            {
                return Unreadable(key, $"chunk {i} of {header.Count} is missing");
            }

            byte[] piece = chunk.Value!;
            if (piece.Length < WriteIdLength || BinaryPrimitives.ReadUInt64BigEndian(piece) != header.WriteId)
            {
                return Unreadable(key, $"chunk {i} of {header.Count} belongs to another write");
            }

            int length = piece.Length - WriteIdLength;
            if (offset + length > header.Total)
            {
                return Unreadable(key, "the chunks are longer than the header says");
            }

            piece.AsSpan(WriteIdLength).CopyTo(value.AsSpan(offset));
            offset += length;
        }

        return offset == header.Total ? new SpreadRead(value, first) : Unreadable(key, "the chunks are shorter than the header says");
    }

    private SpreadRead? Unreadable(string key, string reason)
    {
        Log.SpreadValueUnreadable(Logger, key, reason);
        return null;
    }
}
