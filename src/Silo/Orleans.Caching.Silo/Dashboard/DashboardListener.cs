using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Orleans.Caching.Silo;

/// <summary>The dashboard's Kestrel listener, kept so the bound port is known when <see cref="DashboardOptions.Port"/> is 0.</summary>
internal sealed class DashboardListener
{
    /// <summary>Gets or sets the listener, set when Kestrel is configured.</summary>
    public ListenOptions? Listen { get; set; }

    /// <summary>Gets the bound endpoint once the server started (the configured one before).</summary>
    public IPEndPoint? EndPoint => Listen?.IPEndPoint;
}
