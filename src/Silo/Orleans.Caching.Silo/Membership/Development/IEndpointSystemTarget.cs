namespace Orleans.Caching.Silo;

/// <summary>
/// Marks a system target that callers address by endpoint, not by silo address: they do not know the silo's generation (a silo joining
/// a development cluster knows only the primary's <c>host:port</c>), so the silo answering the connection serves the call whatever the
/// key says, and the target itself refuses calls it cannot serve.
/// </summary>
internal interface IEndpointSystemTarget
{
}
