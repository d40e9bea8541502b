namespace Orleans.Caching.Runtime;

/// <summary>A vote that a silo is dead, cast by a peer whose probes it missed.</summary>
/// <param name="Suspecter">The silo that voted.</param>
/// <param name="Time">When it voted (votes older than the vote expiry no longer count).</param>
public readonly record struct SuspicionVote(SiloAddress Suspecter, DateTimeOffset Time);
