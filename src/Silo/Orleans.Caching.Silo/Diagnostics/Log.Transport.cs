using System.Net;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Silo;

/// <summary>Log messages of the silo's listener. EventIds 6100–6199, never reused.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6100, EventName = "TlsAuthenticationFailed", Level = LogLevel.Warning,
        Message = "The TLS handshake with {EndPoint} failed; the connection is dropped: {Message}")]
    public static partial void TlsAuthenticationFailed(ILogger logger, EndPoint? endPoint, string message);

    [LoggerMessage(EventId = 6101, EventName = "ClusterConnectionFailed", Level = LogLevel.Error,
        Message = "Serving the cluster connection from {EndPoint} failed.")]
    public static partial void ClusterConnectionFailed(ILogger logger, Exception exception, EndPoint? endPoint);
}
