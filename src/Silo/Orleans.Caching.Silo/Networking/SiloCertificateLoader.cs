using System.Security.Cryptography.X509Certificates;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Loads the silo's TLS certificate with its private key: PKCS#12, or PEM certificate plus PEM key.</summary>
internal static class SiloCertificateLoader
{
    public static X509Certificate2 Load(ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.CertificatePath))
        {
            throw new InvalidOperationException("Caching:Cluster:Tls:Enabled is set but Caching:Cluster:Tls:CertificatePath is empty: a silo needs a certificate with its private key (PKCS#12, or PEM with Tls:KeyPath).");
        }

        if (!string.IsNullOrEmpty(options.KeyPath))
        {
            using X509Certificate2 pem = X509Certificate2.CreateFromPemFile(options.CertificatePath, options.KeyPath);

            // Re-import so the key is usable by SslStream on every platform (an ephemeral PEM key is not on Windows).
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
    }
}
