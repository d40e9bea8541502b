namespace Orleans.Caching.TestingHost;

/// <summary>Which silo a configuration callback of <see cref="TestClusterBuilder"/> is building.</summary>
/// <param name="Index">The silo's index in start order (0 for the first; additional silos continue the count).</param>
/// <param name="Name">The silo's name, <c>silo-{Index}</c>.</param>
public sealed record TestSiloContext(int Index, string Name);
