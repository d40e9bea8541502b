using System.Net;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Runtime;

/// <summary>Source-generated log messages of the runtime. Transport: EventIds 6000–6099, never reused.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, EventName = "ConnectionProtocolViolation", Level = LogLevel.Warning,
        Message = "The connection with {PeerIdentity} ({EndPoint}) broke the wire protocol and is closed; other connections are unaffected.")]
    public static partial void ConnectionProtocolViolation(ILogger logger, Exception exception, string peerIdentity, EndPoint? endPoint);

    [LoggerMessage(EventId = 6001, EventName = "FrameHandlerFailed", Level = LogLevel.Error,
        Message = "The frame handler failed on a {Kind} frame from {PeerIdentity} ({EndPoint}); the connection is closed.")]
    public static partial void FrameHandlerFailed(ILogger logger, Exception exception, FrameKind kind, string peerIdentity, EndPoint? endPoint);

    [LoggerMessage(EventId = 6002, EventName = "ConnectionClosed", Level = LogLevel.Debug,
        Message = "The connection with {PeerIdentity} ({EndPoint}) closed ({Reason}); {PendingCount} pending calls failed.")]
    public static partial void ConnectionClosed(ILogger logger, string peerIdentity, EndPoint? endPoint, string reason, int pendingCount);

    [LoggerMessage(EventId = 6003, EventName = "LateReplyDropped", Level = LogLevel.Debug,
        Message = "Dropped a {Kind} frame from {PeerIdentity} for correlation id {CorrelationId}, which is not waiting (canceled or timed out).")]
    public static partial void LateReplyDropped(ILogger logger, FrameKind kind, string peerIdentity, long correlationId);

    [LoggerMessage(EventId = 6004, EventName = "OutboundCallCallbackFailed", Level = LogLevel.Error,
        Message = "A call's reply callback threw for correlation id {CorrelationId} on the connection with {PeerIdentity}; the connection stays open.")]
    public static partial void OutboundCallCallbackFailed(ILogger logger, Exception exception, long correlationId, string peerIdentity);

    [LoggerMessage(EventId = 6005, EventName = "PeerNotReading", Level = LogLevel.Warning,
        Message = "The connection with {PeerIdentity} ({EndPoint}) is aborted: {Reason}")]
    public static partial void PeerNotReading(ILogger logger, string peerIdentity, EndPoint? endPoint, string reason);

    [LoggerMessage(EventId = 6006, EventName = "HandshakeRefused", Level = LogLevel.Warning,
        Message = "Refused the handshake of {PeerIdentity} from {EndPoint}: {Reason}.")]
    public static partial void HandshakeRefused(ILogger logger, string? peerIdentity, EndPoint? endPoint, HandshakeRefusalReason? reason);

    [LoggerMessage(EventId = 6007, EventName = "HandshakeFailed", Level = LogLevel.Warning,
        Message = "The handshake with {EndPoint} failed and the connection is dropped: {Message}")]
    public static partial void HandshakeFailed(ILogger logger, EndPoint? endPoint, string message);

    [LoggerMessage(EventId = 6008, EventName = "UntrustedCertificateAccepted", Level = LogLevel.Warning,
        Message = "Accepted the certificate of {EndPoint} despite {Errors} because Caching:Cluster:Tls:AllowUntrustedCertificates is set (development only).")]
    public static partial void UntrustedCertificateAccepted(ILogger logger, string endPoint, System.Net.Security.SslPolicyErrors errors);

    [LoggerMessage(EventId = 6009, EventName = "ConnectFailed", Level = LogLevel.Debug,
        Message = "Connecting to {EndPoint} failed: {Message}")]
    public static partial void ConnectFailed(ILogger logger, string endPoint, string message);

    [LoggerMessage(EventId = 6010, EventName = "ConnectionAccepted", Level = LogLevel.Debug,
        Message = "Accepted a connection from {PeerIdentity} ({EndPoint}).")]
    public static partial void ConnectionAccepted(ILogger logger, string peerIdentity, EndPoint? endPoint);

    [LoggerMessage(EventId = 6011, EventName = "ConnectionEstablished", Level = LogLevel.Debug,
        Message = "Connected to {PeerIdentity} at {EndPoint}.")]
    public static partial void ConnectionEstablished(ILogger logger, string peerIdentity, string endPoint);

    [LoggerMessage(EventId = 6012, EventName = "ConnectionReadFailed", Level = LogLevel.Debug,
        Message = "Reading from {PeerIdentity} ({EndPoint}) failed; the connection is closed.")]
    public static partial void ConnectionReadFailed(ILogger logger, Exception exception, string peerIdentity, EndPoint? endPoint);

    [LoggerMessage(EventId = 6013, EventName = "CertificateRejected", Level = LogLevel.Warning,
        Message = "Rejected the certificate of {EndPoint}: {Errors}{ChainStatus}.")]
    public static partial void CertificateRejected(ILogger logger, string endPoint, System.Net.Security.SslPolicyErrors errors, string chainStatus);
}
