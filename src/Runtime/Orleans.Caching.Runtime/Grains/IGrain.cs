namespace Orleans.Caching.Runtime;

/// <summary>Marks a grain interface: a virtual actor addressed by a <see cref="GrainId"/>, one activation at a time in the cluster.</summary>
public interface IGrain
{
}
