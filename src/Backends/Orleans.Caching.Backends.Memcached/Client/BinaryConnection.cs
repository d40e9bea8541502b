using System.Buffers.Binary;
using System.Text;
using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching.Memcached.Client;

/// <summary>
/// A connection speaking memcached's binary protocol, the one SASL needs: get, batched quiet gets ended by a no-op, set/add (with CAS), delete, quiet deletes ended by a
/// no-op, increment, touch, flush, and SASL PLAIN authentication (<c>SASL list mechs</c> then <c>SASL auth</c>). The binary get does
/// not report the remaining time-to-live, so this client keeps the absolute expiry in the item's flags.
/// </summary>
internal sealed partial class BinaryConnection : MemcachedConnection
{
    /// <summary>The largest response body accepted; anything larger is garbage.</summary>
    private const int MaxBodyLength = 256 * 1024 * 1024;

    private readonly byte[] _header = new byte[BinaryProtocol.HeaderLength];
    private uint _opaque;

    public BinaryConnection(Stream stream, string server)
        : base(stream, server)
    {
    }

    // The binary get has no value-less form: withValue is ignored and the value always comes back.
    protected override async ValueTask<MemcachedItem?> GetCoreAsync(byte[] key, bool withValue, CancellationToken cancellationToken)
    {
        uint opaque = Request(BinaryProtocol.OpGet, key, default, default, 0);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        BinaryResponse response = await ReadResponseAsync(BinaryProtocol.OpGet, opaque, cancellationToken).ConfigureAwait(false);
        if (response.Status == BinaryProtocol.StatusKeyNotFound)
        {
            return null;
        }

        Expect(response, "get");
        uint flags = response.Extras.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(response.Extras) : 0;
        return new MemcachedItem(response.Value, flags, null, response.Cas);
    }

    protected override ValueTask<MemcachedItem?[]> GetManyCoreAsync(IReadOnlyList<byte[]> keys, CancellationToken cancellationToken)
    {
        // Quiet gets (GETKQ) answer only hits; their opaques are consecutive, so opaque - first is the key's index. NOOP ends the batch.
        uint first = unchecked(_opaque + 1);
        for (int i = 0; i < keys.Count; i++)
        {
            Request(BinaryProtocol.OpGetKeyQuiet, keys[i], default, 0, 0);
        }

        uint noop = Request(BinaryProtocol.OpNoop, [], default, 0, 0);
        return ExchangeBatchAsync(token => ReadBatchAsync(keys, first, noop, token), cancellationToken);
    }

    private async ValueTask<MemcachedItem?[]> ReadBatchAsync(IReadOnlyList<byte[]> keys, uint first, uint noop, CancellationToken cancellationToken)
    {
        var items = new MemcachedItem?[keys.Count];
        while (true)
        {
            BinaryResponse response = await ReadResponseAsync(null, null, cancellationToken).ConfigureAwait(false);
            if (response.Opcode == BinaryProtocol.OpNoop && response.Opaque == noop)
            {
                return items;
            }

            uint index = unchecked(response.Opaque - first);
            if (response.Opcode != BinaryProtocol.OpGetKeyQuiet || index >= (uint)keys.Count)
            {
                throw Reader.Error($"unexpected opcode 0x{response.Opcode:X2} (opaque {response.Opaque}) in a batch of gets");
            }

            if (response.Status == BinaryProtocol.StatusKeyNotFound)
            {
                continue;
            }

            Expect(response, "get (batch)");
            if (!response.Key.AsSpan().SequenceEqual(keys[(int)index]))
            {
                throw Reader.Error($"the reply for key {index} of a batch of gets carries another key '{MetaReply.Describe(response.Key)}'");
            }

            uint flags = response.Extras.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(response.Extras) : 0;
            items[index] = new MemcachedItem(response.Value, flags, null, response.Cas);
        }
    }

    protected override async ValueTask<StoreResult> StoreCoreAsync(StoreMode mode, byte[] key, ReadOnlyMemory<byte> value, uint flags, uint expiry, ulong cas, CancellationToken cancellationToken)
    {
        Span<byte> extras = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(extras, flags);
        BinaryPrimitives.WriteUInt32BigEndian(extras[4..], expiry);
        byte opcode = mode == StoreMode.Add ? BinaryProtocol.OpAdd : BinaryProtocol.OpSet;
        uint opaque = Request(opcode, key, extras, value.Length, cas);
        await AppendValueAsync(value, cancellationToken).ConfigureAwait(false);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        BinaryResponse response = await ReadResponseAsync(opcode, opaque, cancellationToken).ConfigureAwait(false);
        switch (response.Status)
        {
            case BinaryProtocol.StatusOk:
                return StoreResult.Stored;
            case BinaryProtocol.StatusKeyExists:
                return mode == StoreMode.Add ? StoreResult.NotStored : StoreResult.Exists;
            case BinaryProtocol.StatusNotStored:
                return StoreResult.NotStored;
            case BinaryProtocol.StatusKeyNotFound:
                return StoreResult.NotFound;
            case BinaryProtocol.StatusValueTooLarge:
                return StoreResult.TooLarge;
            default:
                Expect(response, mode == StoreMode.Add ? "add" : "set");
                return StoreResult.Stored;
        }
    }

    protected override async ValueTask<bool> DeleteCoreAsync(byte[] key, CancellationToken cancellationToken)
    {
        uint opaque = Request(BinaryProtocol.OpDelete, key, default, 0, 0);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        BinaryResponse response = await ReadResponseAsync(BinaryProtocol.OpDelete, opaque, cancellationToken).ConfigureAwait(false);
        if (response.Status == BinaryProtocol.StatusKeyNotFound)
        {
            return false;
        }

        Expect(response, "delete");
        return true;
    }

    protected override async ValueTask<bool> DeleteQuietCoreAsync(IReadOnlyList<byte[]> keys, CancellationToken cancellationToken)
    {
        for (int i = 0; i < keys.Count; i++)
        {
            Request(BinaryProtocol.OpDeleteQuiet, keys[i], default, 0, 0);
        }

        uint noop = Request(BinaryProtocol.OpNoop, [], default, 0, 0);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        for (int replies = 0; replies <= keys.Count; replies++)
        {
            BinaryResponse response = await ReadResponseAsync(null, null, cancellationToken).ConfigureAwait(false);
            if (response.Opcode == BinaryProtocol.OpNoop && response.Opaque == noop)
            {
                return true;
            }

            if (response.Opcode != BinaryProtocol.OpDeleteQuiet && response.Opcode != BinaryProtocol.OpDelete)
            {
                throw Reader.Error($"unexpected opcode 0x{response.Opcode:X2} in a batch of quiet deletes");
            }

            if (response.Status is not BinaryProtocol.StatusOk and not BinaryProtocol.StatusKeyNotFound)
            {
                Expect(response, "delete (quiet)");
            }
        }

        throw Reader.Error("no no-op reply after a batch of quiet deletes");
    }

    protected override async ValueTask<IncrementResult> IncrementCoreAsync(byte[] key, ulong delta, CancellationToken cancellationToken)
    {
        Span<byte> extras = stackalloc byte[20];
        BinaryPrimitives.WriteUInt64BigEndian(extras, delta);
        BinaryPrimitives.WriteUInt64BigEndian(extras[8..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(extras[16..], uint.MaxValue); // never create the counter
        uint opaque = Request(BinaryProtocol.OpIncrement, key, extras, 0, 0);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        BinaryResponse response = await ReadResponseAsync(BinaryProtocol.OpIncrement, opaque, cancellationToken).ConfigureAwait(false);
        switch (response.Status)
        {
            case BinaryProtocol.StatusKeyNotFound:
                return new IncrementResult(IncrementStatus.NotFound, 0);
            case BinaryProtocol.StatusNonNumeric:
                return new IncrementResult(IncrementStatus.NonNumeric, 0);
            default:
                Expect(response, "increment");
                if (response.Value.Length != 8)
                {
                    throw Reader.Error($"an increment reply carried {response.Value.Length} bytes instead of 8");
                }

                return new IncrementResult(IncrementStatus.Done, BinaryPrimitives.ReadUInt64BigEndian(response.Value));
        }
    }

    protected override async ValueTask<bool> TouchCoreAsync(byte[] key, uint expiry, CancellationToken cancellationToken)
    {
        Span<byte> extras = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(extras, expiry);
        uint opaque = Request(BinaryProtocol.OpTouch, key, extras, 0, 0);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        BinaryResponse response = await ReadResponseAsync(BinaryProtocol.OpTouch, opaque, cancellationToken).ConfigureAwait(false);
        if (response.Status == BinaryProtocol.StatusKeyNotFound)
        {
            return false;
        }

        Expect(response, "touch");
        return true;
    }

    protected override async ValueTask<bool> FlushAllCoreAsync(CancellationToken cancellationToken)
    {
        uint opaque = Request(BinaryProtocol.OpFlush, [], default, 0, 0);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        Expect(await ReadResponseAsync(BinaryProtocol.OpFlush, opaque, cancellationToken).ConfigureAwait(false), "flush");
        return true;
    }

    /// <summary>Appends a request header, its extras and key; the caller appends the value. Returns the request's opaque.</summary>
    private uint Request(byte opcode, ReadOnlySpan<byte> key, ReadOnlySpan<byte> extras, int valueLength, ulong cas)
    {
        uint opaque = ++_opaque;
        Span<byte> header = GetSpan(BinaryProtocol.HeaderLength);
        BinaryProtocol.WriteRequestHeader(header, opcode, key.Length, extras.Length, valueLength, opaque, cas);
        Advance(BinaryProtocol.HeaderLength);
        Append(extras);
        Append(key);
        return opaque;
    }

    private async ValueTask<BinaryResponse> ReadResponseAsync(byte? opcode, uint? opaque, CancellationToken cancellationToken)
    {
        await Reader.ReadExactAsync(_header, cancellationToken).ConfigureAwait(false);
        if (_header[0] != BinaryProtocol.ResponseMagic)
        {
            throw Reader.Error($"bad magic byte 0x{_header[0]:X2} (expected 0x81; is this a binary-protocol memcached server?)");
        }

        byte responseOpcode = _header[1];
        int keyLength = BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2));
        int extrasLength = _header[4];
        ushort status = BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(6));
        uint bodyLength = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(8));
        uint responseOpaque = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(12));
        ulong cas = BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(16));
        if (bodyLength > MaxBodyLength || keyLength + extrasLength > bodyLength)
        {
            throw Reader.Error($"bad body length {bodyLength} (key {keyLength}, extras {extrasLength})");
        }

        if ((opcode is { } expectedOpcode && responseOpcode != expectedOpcode) || (opaque is { } expectedOpaque && responseOpaque != expectedOpaque))
        {
            throw Reader.Error($"a reply to opcode 0x{responseOpcode:X2} (opaque {responseOpaque}) arrived while waiting for opcode 0x{opcode:X2} (opaque {opaque})");
        }

        byte[] extras = await Reader.ReadBytesAsync(extrasLength, cancellationToken).ConfigureAwait(false);
        byte[] key = await Reader.ReadBytesAsync(keyLength, cancellationToken).ConfigureAwait(false);
        byte[] value = await Reader.ReadBytesAsync((int)bodyLength - keyLength - extrasLength, cancellationToken).ConfigureAwait(false);
        return new BinaryResponse(responseOpcode, status, responseOpaque, cas, extras, key, value);
    }

    private void Expect(BinaryResponse response, string command)
    {
        if (response.Status == BinaryProtocol.StatusOk)
        {
            return;
        }

        if (response.Status == BinaryProtocol.StatusAuthenticationError)
        {
            throw new MemcachedAuthenticationException(Server, $"the server requires SASL authentication for {command}; configure Caching:Memcached:Username and Password (SASLMemcachedCache).");
        }

        string detail = response.Value.Length > 0 ? $" ({MetaReply.Describe(response.Value)})" : string.Empty;
        throw new MemcachedProtocolException(Server, $"the server answered {BinaryProtocol.DescribeStatus(response.Status)}{detail} to {command}; the connection is closed.");
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
