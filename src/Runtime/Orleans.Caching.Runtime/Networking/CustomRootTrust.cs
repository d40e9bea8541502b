using System.Security.Cryptography.X509Certificates;

namespace Orleans.Caching.Runtime;

/// <summary>Checks that a peer's certificate chains to one of a set of configured authorities (a private CA instead of the system store).</summary>
public static class CustomRootTrust
{
    /// <summary>Builds the chain of <paramref name="certificate"/> trusting only <paramref name="authorities"/>.</summary>
    /// <param name="certificate">The peer's certificate.</param>
    /// <param name="presented">The chain the TLS layer built, whose intermediates are used; may be <see langword="null"/>.</param>
    /// <param name="authorities">The trusted roots.</param>
    /// <param name="status">The chain problems when it does not build, for the error message; empty otherwise.</param>
    /// <returns><see langword="true"/> if the certificate chains to one of the authorities.</returns>
    public static bool Chains(X509Certificate certificate, X509Chain? presented, X509Certificate2Collection authorities, out string status)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authorities);
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (X509ChainElement element in presented.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        bool built = custom.Build(leaf);
        status = built ? string.Empty : string.Join(", ", custom.ChainStatus.Select(s => s.Status));
        return built;
    }
}
