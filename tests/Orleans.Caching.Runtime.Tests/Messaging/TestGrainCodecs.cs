namespace Orleans.Caching.Runtime.Tests.Messaging;

internal interface IEchoGrain : IGrainWithStringKey
{
    ValueTask<string> EchoAsync(string text, CancellationToken cancellationToken);
}

internal sealed class EchoRequest(string text) : GrainRequest<string>
{
    public string Text { get; } = text;

    public override string MethodName => nameof(IEchoGrain.EchoAsync);

    public override Type InterfaceType => typeof(IEchoGrain);

    public override ValueTask<string> InvokeAsync(object grain, CancellationToken cancellationToken) => ((IEchoGrain)grain).EchoAsync(Text, cancellationToken);
}

internal sealed class UnregisteredRequest : GrainRequest<bool>
{
    public override string MethodName => "Nothing";

    public override Type InterfaceType => typeof(IEchoGrain);

    public override ValueTask<bool> InvokeAsync(object grain, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}

internal static class TestGrainCodecs
{
    public static readonly GrainType EchoType = new("echo");

    public static GrainMethodCodec<EchoRequest, string> Echo { get; } = new(
        7,
        EchoType,
        static (o, r) => WireWriter.WriteString(o, r.Text),
        static (ref WireReader r) => new EchoRequest(r.ReadString()),
        WireWriter.WriteString,
        static (ref WireReader r) => r.ReadString());

    public static GrainMessageCodec Codec { get; } = new([Echo]);
}

/// <summary>An invoker that answers with a delegate, standing in for the silo's dispatcher.</summary>
internal sealed class DelegateInvoker(Func<GrainId, GrainRequest, object?> answer) : IGrainCallInvoker
{
    public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult((TResult)answer(target, request)!);
    }
}
