using System.Buffers;

namespace Orleans.Caching.Runtime.Tests.Messaging;

public sealed class GrainMessageCodecTests
{
    private static readonly GrainId s_target = new(TestGrainCodecs.EchoType, "k1");

    private static ReadOnlySequence<byte> Body(Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return new ReadOnlySequence<byte>(output.WrittenMemory.ToArray());
    }

    private static async Task<GrainResponse<string>> DispatchAsync(Func<GrainId, GrainRequest, object?> answer, CancellationToken cancellationToken = default)
    {
        DecodedGrainRequest decoded = TestGrainCodecs.Codec.ReadRequest(Body(o => TestGrainCodecs.Codec.WriteRequest(o, s_target, new EchoRequest("hi"))));
        var output = new ArrayBufferWriter<byte>();
        await GrainMessageCodec.InvokeAsync(new DelegateInvoker(answer), decoded, output, cancellationToken);
        return TestGrainCodecs.Codec.ReadResponse(new ReadOnlySequence<byte>(output.WrittenMemory), new EchoRequest("hi"));
    }

    [Fact]
    public void A_request_round_trips_with_its_target_and_method()
    {
        ReadOnlySequence<byte> body = Body(o => TestGrainCodecs.Codec.WriteRequest(o, s_target, new EchoRequest("hello")));

        DecodedGrainRequest decoded = TestGrainCodecs.Codec.ReadRequest(body);

        Assert.Equal(s_target, decoded.Target);
        Assert.Equal("hello", Assert.IsType<EchoRequest>(decoded.Request).Text);
        Assert.Same(TestGrainCodecs.Echo, decoded.Method);
    }

    [Fact]
    public void Two_codecs_with_one_method_id_are_refused()
    {
        var other = new GrainMethodCodec<UnregisteredRequest, bool>(
            7, TestGrainCodecs.EchoType, static (_, _) => { }, static (ref WireReader _) => new UnregisteredRequest(), WireWriter.WriteBoolean, static (ref WireReader r) => r.ReadBoolean());

        ArgumentException error = Assert.Throws<ArgumentException>(() => new GrainMessageCodec([TestGrainCodecs.Echo, other]));
        Assert.Contains("Method id 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sending_a_request_without_a_codec_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TestGrainCodecs.Codec.WriteRequest(new ArrayBufferWriter<byte>(), s_target, new UnregisteredRequest()));
    }

    [Fact]
    public void Sending_a_request_to_a_grain_of_another_type_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TestGrainCodecs.Codec.WriteRequest(new ArrayBufferWriter<byte>(), GrainId.Create("other", "k"), new EchoRequest("x")));
    }

    [Fact]
    public void An_unknown_method_id_is_a_bad_request()
    {
        ReadOnlySequence<byte> body = Body(o =>
        {
            WireWriter.WriteGrainId(o, s_target);
            WireWriter.WriteUInt16(o, 999);
        });

        GrainCallRejectedException error = Assert.Throws<GrainCallRejectedException>(() => TestGrainCodecs.Codec.ReadRequest(body));
        Assert.Equal(RejectionReason.BadRequest, error.Reason);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_of_another_grain_type_is_a_bad_request()
    {
        ReadOnlySequence<byte> body = Body(o =>
        {
            WireWriter.WriteGrainId(o, GrainId.Create("cache-entry", "k"));
            WireWriter.WriteUInt16(o, 7);
            WireWriter.WriteString(o, "x");
        });

        Assert.Equal(RejectionReason.BadRequest, Assert.Throws<GrainCallRejectedException>(() => TestGrainCodecs.Codec.ReadRequest(body)).Reason);
    }

    [Fact]
    public void Trailing_bytes_after_the_arguments_are_malformed()
    {
        ReadOnlySequence<byte> body = Body(o =>
        {
            TestGrainCodecs.Codec.WriteRequest(o, s_target, new EchoRequest("x"));
            WireWriter.WriteByte(o, 0);
        });

        Assert.Throws<WireProtocolException>(() => TestGrainCodecs.Codec.ReadRequest(body));
    }

    [Fact]
    public async Task A_successful_call_is_answered_with_its_result()
    {
        GrainResponse<string> response = await DispatchAsync((target, request) => $"{target.Key}:{((EchoRequest)request).Text}");

        Assert.Equal(GrainResponseStatus.Success, response.Status);
        Assert.Equal("k1:hi", response.GetResultOrThrow());
    }

    [Fact]
    public async Task A_rejected_call_is_answered_with_the_reason_and_message()
    {
        GrainResponse<string> response = await DispatchAsync((target, _) => throw new GrainOverloadedException(target, 10));

        Assert.Equal(GrainResponseStatus.Rejected, response.Status);
        GrainCallRejectedException error = Assert.Throws<GrainCallRejectedException>(() => response.GetResultOrThrow());
        Assert.Equal(RejectionReason.Overloaded, error.Reason);
        Assert.Contains("overloaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_common_grain_exception_keeps_its_type_across_the_wire()
    {
        GrainResponse<string> response = await DispatchAsync((_, _) => throw new InvalidOperationException("not an integer"));

        Assert.Equal("System.InvalidOperationException", response.ExceptionType);
        Assert.Equal("not an integer", Assert.Throws<InvalidOperationException>(() => response.GetResultOrThrow()).Message);
    }

    [Fact]
    public async Task Another_grain_exception_becomes_a_remote_grain_exception_naming_the_type()
    {
        GrainResponse<string> response = await DispatchAsync((_, _) => throw new DivideByZeroException("boom"));

        RemoteGrainException error = Assert.Throws<RemoteGrainException>(() => response.GetResultOrThrow());
        Assert.Equal("System.DivideByZeroException", error.RemoteExceptionType);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_propagates_instead_of_being_answered()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DispatchAsync((_, _) => "never", cancelled.Token));
    }

    [Fact]
    public void A_response_naming_another_method_is_malformed()
    {
        ReadOnlySequence<byte> body = Body(o =>
        {
            WireWriter.WriteByte(o, (byte)GrainResponseStatus.Success);
            WireWriter.WriteUInt16(o, 8);
            WireWriter.WriteString(o, "x");
        });

        Assert.Throws<WireProtocolException>(() => TestGrainCodecs.Codec.ReadResponse(body, new EchoRequest("x")));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(255)]
    public void An_unknown_response_status_is_malformed(byte status)
    {
        Assert.Throws<WireProtocolException>(() => TestGrainCodecs.Codec.ReadResponse(new ReadOnlySequence<byte>(new[] { status }), new EchoRequest("x")));
    }

    [Fact]
    public void An_unknown_rejection_reason_is_malformed()
    {
        ReadOnlySequence<byte> body = Body(o =>
        {
            WireWriter.WriteByte(o, (byte)GrainResponseStatus.Rejected);
            WireWriter.WriteByte(o, 77);
            WireWriter.WriteString(o, "x");
        });

        Assert.Throws<WireProtocolException>(() => TestGrainCodecs.Codec.ReadResponse(body, new EchoRequest("x")));
    }
}
