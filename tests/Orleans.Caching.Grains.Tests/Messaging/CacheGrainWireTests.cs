using System.Buffers;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests.Buffers;

namespace Orleans.Caching.Grains.Tests.Messaging;

public sealed class CacheGrainWireTests
{
    private static readonly GrainMessageCodec s_codec = CacheGrainCodecs.MessageCodec;

    [Fact]
    public void A_sixteen_MiB_set_request_fits_one_frame_and_reads_back_across_segments()
    {
        byte[] value = new byte[16 * 1024 * 1024];
        value[^1] = 7;
        var body = new ArrayBufferWriter<byte>();
        s_codec.WriteRequest(body, new GrainId(CacheGrainTypes.Entry, new string('k', 1000)), new CacheEntrySetRequest(value, null));
        var output = new ArrayBufferWriter<byte>();
        FrameWriter.Write(output, new FrameHeader(FrameKind.Request, 1, 3, 5000), body.WrittenSpan);

        ReadOnlySequence<byte> buffer = Segments.Split(output.WrittenMemory, 1 << 16);
        Assert.True(new FrameReader().TryRead(ref buffer, out Frame frame));
        DecodedGrainRequest decoded = s_codec.ReadRequest(frame.Body);

        Assert.Equal(value, ((CacheEntrySetRequest)decoded.Request).Value);
    }

    [Fact]
    public async Task A_grain_exception_reaches_the_caller_as_the_same_type()
    {
        var request = new CacheEntryIncrementRequest(1, null);
        DecodedGrainRequest decoded = s_codec.ReadRequest(new ReadOnlySequence<byte>(CacheGrainCodecTests.EncodeRequest(new GrainId(CacheGrainTypes.Entry, "k"), request)));
        var output = new ArrayBufferWriter<byte>();

        await GrainMessageCodec.InvokeAsync(new ThrowingInvoker(new InvalidOperationException("The value of 'k' is not an integer.")), decoded, output, CancellationToken.None);
        GrainResponse<long> response = s_codec.ReadResponse(new ReadOnlySequence<byte>(output.WrittenMemory), request);

        Assert.Equal("The value of 'k' is not an integer.", Assert.Throws<InvalidOperationException>(() => response.GetResultOrThrow()).Message);
    }

    [Fact]
    public void Random_request_bodies_never_fail_with_anything_but_a_typed_error()
    {
        var random = new Random(777);
        byte[] valid = CacheGrainCodecTests.EncodeRequest(new GrainId(CacheGrainTypes.Entry, "key"), new CacheEntrySetRequest([1, 2, 3, 4], TimeSpan.FromSeconds(1)));
        int decoded = 0, malformed = 0, rejected = 0;
        for (int round = 0; round < 5000; round++)
        {
            byte[] body;
            if (round % 2 == 0)
            {
                body = (byte[])valid.Clone();
                body[random.Next(body.Length)] = (byte)random.Next(256);
            }
            else
            {
                body = new byte[random.Next(0, 64)];
                random.NextBytes(body);
            }

            try
            {
                s_codec.ReadRequest(new ReadOnlySequence<byte>(body));
                decoded++;
            }
            catch (WireProtocolException)
            {
                malformed++;
            }
            catch (GrainCallRejectedException error) when (error.Reason == RejectionReason.BadRequest)
            {
                rejected++;
            }
        }

        Assert.Equal(5000, decoded + malformed + rejected);
        Assert.True(decoded > 0 && malformed > 0 && rejected > 0, $"decoded {decoded}, malformed {malformed}, rejected {rejected}");
    }

    private sealed class ThrowingInvoker(Exception error) : IGrainCallInvoker
    {
        public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
            => ValueTask.FromException<TResult>(error);
    }
}
