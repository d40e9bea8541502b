using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Runtime;

/// <summary>
/// Validates a silo's TLS certificate on the connecting side: the system trust store by default; with
/// <see cref="ClusterTlsOptions.CaCertificatePath"/>, a chain to that root only; with
/// <see cref="ClusterTlsOptions.AllowUntrustedCertificates"/>, anything (logged as a warning). A name mismatch or a missing
/// certificate is always refused, except when untrusted certificates are allowed.
/// </summary>
internal sealed class ClusterCertificateValidator
{
    private readonly ClusterTlsOptions _options;
    private readonly X509Certificate2? _root;
    private readonly ILogger _logger;

    public ClusterCertificateValidator(ClusterTlsOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        if (!string.IsNullOrEmpty(options.CaCertificatePath))
        {
            _root = X509Certificate2.CreateFromPem(File.ReadAllText(options.CaCertificatePath));
        }
    }

    public bool Validate(string endPoint, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (_options.AllowUntrustedCertificates)
        {
            Log.UntrustedCertificateAccepted(_logger, endPoint, errors);
            return true;
        }

        if (_root is null || certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            Log.CertificateRejected(_logger, endPoint, errors, string.Empty);
            return false;
        }

        if (CustomRootTrust.Chains(certificate, chain, [_root], out string status))
        {
            return true;
        }

        Log.CertificateRejected(_logger, endPoint, errors, $" ({status}; expected a chain to {_options.CaCertificatePath})");
        return false;
    }
}
