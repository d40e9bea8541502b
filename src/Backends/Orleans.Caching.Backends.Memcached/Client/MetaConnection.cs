using System.Buffers.Text;
using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching.Memcached.Client;

/// <summary>
/// A connection speaking memcached's meta text protocol (memcached 1.6+): <c>mg</c> (get, with the remaining TTL <c>t</c>, client flags
/// <c>f</c> and CAS token <c>c</c>; quiet with an opaque <c>O</c> in batches), <c>ms</c> (set; mode <c>ME</c> for add; <c>C</c> for compare-and-swap), <c>md</c>, <c>ma</c>
/// (increment), <c>mn</c> (end of a quiet batch), and the classic <c>flush_all</c>.
/// </summary>
internal sealed class MetaConnection : MemcachedConnection
{
    public MetaConnection(Stream stream, string server)
        : base(stream, server)
    {
    }

    protected override async ValueTask<MemcachedItem?> GetCoreAsync(byte[] key, bool withValue, CancellationToken cancellationToken)
    {
        Command("mg "u8, key);
        Append(withValue ? " v f t c\r\n"u8 : " f t c\r\n"u8);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<byte> line = await Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (MetaReply.Is(line.Span, "EN"u8))
        {
            return null;
        }

        if (withValue && MetaReply.Is(line.Span, "VA"u8))
        {
            int size = MetaReply.ParseValueSize(Reader, line.Span, out _);
            (uint flags, long ttl, ulong cas) = ParseItemFlags(line.Span);
            byte[] value = await Reader.ReadDataBlockAsync(size, cancellationToken).ConfigureAwait(false);
            return new MemcachedItem(value, flags, ttl, cas);
        }

        if (!withValue && MetaReply.Is(line.Span, "HD"u8))
        {
            (uint flags, long ttl, ulong cas) = ParseItemFlags(line.Span);
            return new MemcachedItem(null, flags, ttl, cas);
        }

        throw MetaReply.Unexpected(Reader, line.Span, "mg");
    }

    protected override ValueTask<MemcachedItem?[]> GetManyCoreAsync(IReadOnlyList<byte[]> keys, CancellationToken cancellationToken)
    {
        // Quiet gets answer only hits, each carrying its request's index as the opaque; mn's MN ends the batch.
        for (int i = 0; i < keys.Count; i++)
        {
            Command("mg "u8, keys[i]);
            Append(" v f t c q O"u8);
            Number((ulong)i);
            Append("\r\n"u8);
        }

        Append("mn\r\n"u8);
        return ExchangeBatchAsync(token => ReadBatchAsync(keys.Count, token), cancellationToken);
    }

    private async ValueTask<MemcachedItem?[]> ReadBatchAsync(int count, CancellationToken cancellationToken)
    {
        var items = new MemcachedItem?[count];
        while (true)
        {
            ReadOnlyMemory<byte> line = await Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (MetaReply.Is(line.Span, "MN"u8))
            {
                return items;
            }

            if (MetaReply.Is(line.Span, "EN"u8))
            {
                continue;
            }

            if (!MetaReply.Is(line.Span, "VA"u8))
            {
                throw MetaReply.Unexpected(Reader, line.Span, "mg (batch)");
            }

            int size = MetaReply.ParseValueSize(Reader, line.Span, out ReadOnlySpan<byte> returned);
            if (!MetaReply.TryGetFlag(Reader, returned, (byte)'O', out long index) || index < 0 || index >= count || items[index] is not null)
            {
                throw Reader.Error($"a batch reply '{MetaReply.Describe(line.Span)}' carries no opaque of a request still waiting");
            }

            (uint flags, long ttl, ulong cas) = ParseItemFlags(line.Span);
            byte[] value = await Reader.ReadDataBlockAsync(size, cancellationToken).ConfigureAwait(false);
            items[index] = new MemcachedItem(value, flags, ttl, cas);
        }
    }

    private (uint Flags, long Ttl, ulong Cas) ParseItemFlags(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> flags = line[2..];
        if (MetaReply.Is(line, "VA"u8))
        {
            MetaReply.ParseValueSize(Reader, line, out flags);
        }

        MetaReply.TryGetFlag(Reader, flags, (byte)'f', out long clientFlags);
        long ttl = MetaReply.TryGetFlag(Reader, flags, (byte)'t', out long t) ? t : -1;
        ulong cas = MetaReply.GetUnsignedFlag(Reader, flags, (byte)'c');
        return ((uint)clientFlags, ttl, cas);
    }

    protected override async ValueTask<StoreResult> StoreCoreAsync(StoreMode mode, byte[] key, ReadOnlyMemory<byte> value, uint flags, uint expiry, ulong cas, CancellationToken cancellationToken)
    {
        Command("ms "u8, key);
        Append(" "u8);
        Number((ulong)value.Length);
        Append(" T"u8);
        Number(expiry);
        Append(" F"u8);
        Number(flags);
        if (cas != 0)
        {
            Append(" C"u8);
            Number(cas);
        }

        Append(mode == StoreMode.Add ? " ME\r\n"u8 : "\r\n"u8);
        await AppendValueAsync(value, cancellationToken).ConfigureAwait(false);
        Append("\r\n"u8);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<byte> line = await Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        ReadOnlySpan<byte> reply = line.Span;
        if (MetaReply.Is(reply, "HD"u8))
        {
            return StoreResult.Stored;
        }

        if (MetaReply.Is(reply, "NS"u8))
        {
            return StoreResult.NotStored;
        }

        if (MetaReply.Is(reply, "EX"u8))
        {
            return StoreResult.Exists;
        }

        if (MetaReply.Is(reply, "NF"u8))
        {
            return StoreResult.NotFound;
        }

        if (reply.StartsWith("SERVER_ERROR object too large"u8))
        {
            return StoreResult.TooLarge;
        }

        throw MetaReply.Unexpected(Reader, reply, "ms");
    }

    protected override async ValueTask<bool> DeleteCoreAsync(byte[] key, CancellationToken cancellationToken)
    {
        Command("md "u8, key);
        Append("\r\n"u8);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<byte> line = await Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (MetaReply.Is(line.Span, "HD"u8))
        {
            return true;
        }

        if (MetaReply.Is(line.Span, "NF"u8))
        {
            return false;
        }

        throw MetaReply.Unexpected(Reader, line.Span, "md");
    }

    protected override async ValueTask<bool> DeleteQuietCoreAsync(IReadOnlyList<byte[]> keys, CancellationToken cancellationToken)
    {
        for (int i = 0; i < keys.Count; i++)
        {
            Command("md "u8, keys[i]);
            Append(" q\r\n"u8);
        }

        Append("mn\r\n"u8);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        for (int replies = 0; replies <= keys.Count; replies++)
        {
            ReadOnlyMemory<byte> line = await Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (MetaReply.Is(line.Span, "MN"u8))
            {
                return true;
            }

            if (!MetaReply.Is(line.Span, "NF"u8) && !MetaReply.Is(line.Span, "HD"u8))
            {
                throw MetaReply.Unexpected(Reader, line.Span, "md (quiet)");
            }
        }

        throw Reader.Error("no 'MN' after a batch of quiet deletes");
    }

    protected override async ValueTask<IncrementResult> IncrementCoreAsync(byte[] key, ulong delta, CancellationToken cancellationToken)
    {
        Command("ma "u8, key);
        Append(" D"u8);
        Number(delta);
        Append(" v\r\n"u8);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<byte> line = await Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (MetaReply.Is(line.Span, "NF"u8))
        {
            return new IncrementResult(IncrementStatus.NotFound, 0);
        }

        if (line.Span.StartsWith("CLIENT_ERROR cannot increment or decrement non-numeric value"u8))
        {
            return new IncrementResult(IncrementStatus.NonNumeric, 0);
        }

        if (!MetaReply.Is(line.Span, "VA"u8))
        {
            throw MetaReply.Unexpected(Reader, line.Span, "ma");
        }

        int size = MetaReply.ParseValueSize(Reader, line.Span, out _);
        byte[] digits = await Reader.ReadDataBlockAsync(size, cancellationToken).ConfigureAwait(false);
        if (!Utf8Parser.TryParse(digits, out ulong value, out int consumed) || consumed != digits.Length)
        {
            throw Reader.Error($"the counter '{MetaReply.Describe(digits)}' returned by ma is not a number");
        }

        return new IncrementResult(IncrementStatus.Done, value);
    }

    protected override async ValueTask<bool> TouchCoreAsync(byte[] key, uint expiry, CancellationToken cancellationToken)
    {
        Command("mg "u8, key);
        Append(" T"u8);
        Number(expiry);
        Append("\r\n"u8);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<byte> line = await Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (MetaReply.Is(line.Span, "HD"u8))
        {
            return true;
        }

        if (MetaReply.Is(line.Span, "EN"u8))
        {
            return false;
        }

        throw MetaReply.Unexpected(Reader, line.Span, "mg (touch)");
    }

    protected override async ValueTask<bool> FlushAllCoreAsync(CancellationToken cancellationToken)
    {
        Append("flush_all\r\n"u8);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<byte> line = await Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (!line.Span.SequenceEqual("OK"u8))
        {
            throw MetaReply.Unexpected(Reader, line.Span, "flush_all");
        }

        return true;
    }

    private void Command(ReadOnlySpan<byte> verb, byte[] key)
    {
        Append(verb);
        Append(key);
    }

    private void Number(ulong value)
    {
        Span<byte> span = GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out int written);
        Advance(written);
    }
}
