namespace Orleans.Caching.Runtime;

/// <summary>TLS for cluster connections (<c>Caching:Cluster:Tls</c>): silos present a certificate; clients and silos validate it.</summary>
public sealed class ClusterTlsOptions
{
    /// <summary>Gets or sets a value indicating whether connections use TLS; both sides must agree.</summary>
    /// <value><see langword="false"/>.</value>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets the path of the silo's certificate with its private key (PKCS#12 <c>.pfx</c>, or PEM with <see cref="KeyPath"/>).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Gets or sets the path of the PEM private key when <see cref="CertificatePath"/> is a PEM certificate.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Gets or sets the password of the PKCS#12 file (never logged).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Gets or sets the host name the client expects in the silo's certificate.</summary>
    /// <value><see langword="null"/>: the host name the client connected to.</value>
    public string? TargetHost { get; set; }

    /// <summary>Gets or sets the path of a CA certificate (PEM) that silo certificates must chain to, instead of the system's trust store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Gets or sets a value indicating whether any silo certificate is accepted (development only; logged as a warning).</summary>
    /// <value><see langword="false"/>.</value>
    public bool AllowUntrustedCertificates { get; set; }
}
