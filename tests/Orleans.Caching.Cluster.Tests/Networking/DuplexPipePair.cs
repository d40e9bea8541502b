using System.IO.Pipelines;

namespace Orleans.Caching.Cluster.Tests.Networking;

/// <summary>Two connected in-memory transports.</summary>
public sealed class DuplexPipePair
{
    public DuplexPipePair(PipeOptions? options = null)
    {
        var aToB = new Pipe(options ?? PipeOptions.Default);
        var bToA = new Pipe(options ?? PipeOptions.Default);
        A = new Side(bToA.Reader, aToB.Writer);
        B = new Side(aToB.Reader, bToA.Writer);
    }

    public IDuplexPipe A { get; }

    public IDuplexPipe B { get; }

    private sealed record Side(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
