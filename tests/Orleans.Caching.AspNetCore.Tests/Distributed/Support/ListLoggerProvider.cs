using Microsoft.Extensions.Logging;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.AspNetCore.Tests.Distributed.Support;

/// <summary>Routes every logger of an application into one <see cref="ListLogger"/>.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    public ListLogger Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) => Logger;

    public void Dispose()
    {
    }
}
