using Microsoft.Extensions.Logging;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.Cluster.Tests.Networking;

/// <summary>Sends every category to one <see cref="ListLogger"/>.</summary>
public sealed class ListLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public ListLogger Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) => Logger;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
