using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Orleans.Caching.Silo;

/// <summary>The Kestrel endpoint of the cluster protocol: configured before the server starts, read afterwards for the bound port.</summary>
internal sealed class SiloEndpointBinding
{
    /// <summary>Gets or sets the listen options Kestrel binds (it replaces port 0 with the port it got).</summary>
    public ListenOptions? ListenOptions { get; set; }

    /// <summary>Gets the bound endpoint.</summary>
    /// <exception cref="InvalidOperationException">The listener was not configured or the server has not started.</exception>
    public IPEndPoint BoundEndpoint => ListenOptions?.IPEndPoint is { Port: > 0 } endpoint
        ? endpoint
        : throw new InvalidOperationException("The silo's listener is not bound yet: the cluster silo starts after the Kestrel server (AddOrleansCachingSilo configures it).");
}
