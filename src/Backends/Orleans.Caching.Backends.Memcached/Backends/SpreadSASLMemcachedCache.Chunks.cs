using System.Buffers.Binary;
using Orleans.Caching.Backends.Memcached;
using Orleans.Caching.Memcached.Client;
using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching;

public sealed partial class SpreadSASLMemcachedCache
{
    private readonly record struct SpreadRead(byte[] Value, MemcachedItem First);

    private readonly record struct SpreadPlan(int PieceSize, int Count);

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
        if (await ReadItemAsync(firstKey, MemcachedKey.Encode(firstKey), withValue: true, cancellationToken).ConfigureAwait(false) is not { } first)
        {
            return null;
        }

        byte[] head = first.Value!;
        if (!head.AsSpan().StartsWith(Magic))
        {
            return new SpreadRead(head, first);
        }

        if (head.Length < HeaderLength)
        {
            return Unreadable(key, "the first chunk is shorter than its header");
        }

        int count = BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(4));
        int total = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(6)), int.MaxValue);
        ulong writeId = BinaryPrimitives.ReadUInt64BigEndian(head.AsSpan(10));
        if (count == 1)
        {
            return head.Length - HeaderLength == total ? new SpreadRead(head[HeaderLength..], first) : Unreadable(key, "the length does not match the header");
        }

        byte[] value = new byte[total];
        int offset = head.Length - HeaderLength;
        if (count < 1 || offset > total)
        {
            return Unreadable(key, "the header is inconsistent");
        }

        head.AsSpan(HeaderLength).CopyTo(value);
        for (int i = 1; i < count; i++)
        {
            string chunkKey = ChunkKey(key, i);
            if (await ReadItemAsync(chunkKey, MemcachedKey.Encode(chunkKey), withValue: true, cancellationToken).ConfigureAwait(false) is not { } chunk)
            {
                return Unreadable(key, $"chunk {i} of {count} is missing");
            }

            byte[] piece = chunk.Value!;
            if (piece.Length < WriteIdLength || BinaryPrimitives.ReadUInt64BigEndian(piece) != writeId)
            {
                return Unreadable(key, $"chunk {i} of {count} belongs to another write");
            }

            int length = piece.Length - WriteIdLength;
            if (offset + length > total)
            {
                return Unreadable(key, "the chunks are longer than the header says");
            }

            piece.AsSpan(WriteIdLength).CopyTo(value.AsSpan(offset));
            offset += length;
        }

        return offset == total ? new SpreadRead(value, first) : Unreadable(key, "the chunks are shorter than the header says");
    }

    private SpreadRead? Unreadable(string key, string reason)
    {
        Log.SpreadValueUnreadable(Logger, key, reason);
        return null;
    }
}
