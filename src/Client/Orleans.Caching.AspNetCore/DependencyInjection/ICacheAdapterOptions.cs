namespace Orleans.Caching.AspNetCore;

/// <summary>What the ASP.NET Core adapters' options share: where their keys go.</summary>
internal interface ICacheAdapterOptions
{
    /// <summary>Gets the prefix of every key the adapter writes.</summary>
    string KeyPrefix { get; }

    /// <summary>Gets the name of the keyed <see cref="Cache"/> to use, or <see langword="null"/> for the default one.</summary>
    string? CacheName { get; }
}
