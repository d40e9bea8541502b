namespace Orleans.Caching.Runtime;

/// <summary>Flags in byte 1 of the frame header; unknown bits make the header malformed.</summary>
[Flags]
public enum FrameFlags : byte
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary>The request was forwarded once by a silo that does not own the grain; the next silo must not forward it again.</summary>
    Forwarded = 1,
}
