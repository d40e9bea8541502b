using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Orleans.Caching.Silo;

/// <summary>Serves the cluster protocol on a Kestrel endpoint.</summary>
public static class SiloListenOptionsExtensions
{
    /// <summary>
    /// Serves the cluster protocol on this endpoint with <see cref="SiloConnectionHandler"/> (register it first with
    /// <c>services.AddSiloConnectionHandler()</c> and an <see cref="Runtime.IFrameHandler"/>).
    /// </summary>
    /// <param name="listen">The endpoint.</param>
    /// <returns>The endpoint.</returns>
    public static ListenOptions UseOrleansCachingSilo(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.UseConnectionHandler<SiloConnectionHandler>();
        return listen;
    }
}
