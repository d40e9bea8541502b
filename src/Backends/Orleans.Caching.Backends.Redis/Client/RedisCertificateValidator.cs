using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Orleans.Caching.Backends.Redis;

/// <summary>
/// Checks a Redis server's TLS certificate: it must name the host connected to and chain to the system's trust store, or to the
/// authorities of <see cref="RedisConnectionSettings.SslCaCertificates"/> when set; <see cref="RedisConnectionSettings.SslAllowUntrusted"/>
/// accepts anything (development only). Remembers why the last certificate was refused, so a failed command can say so instead of the
/// client library's "no connection is available".
/// </summary>
internal sealed class RedisCertificateValidator
{
    private readonly X509Certificate2Collection? _authorities;
    private readonly string? _caFile;
    private readonly bool _allowUntrusted;
    private volatile string? _lastRejection;

    private RedisCertificateValidator(X509Certificate2Collection? authorities, string? caFile, bool allowUntrusted)
    {
        _authorities = authorities;
        _caFile = caFile;
        _allowUntrusted = allowUntrusted;
    }

    /// <summary>Gets why the last certificate was refused, or <see langword="null"/> if the last one was accepted (or none was seen).</summary>
    public string? LastRejection => _lastRejection;

    /// <summary>Creates the validator of a TLS connection.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The validator.</returns>
    /// <exception cref="ArgumentException">The CA file cannot be read or holds no certificate.</exception>
    public static RedisCertificateValidator Create(RedisConnectionSettings settings)
    {
        if (settings.SslCaCertificates is not { } caFile)
        {
            return new RedisCertificateValidator(null, null, settings.SslAllowUntrusted);
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caFile);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"The Redis TLS certificate authority file '{caFile}' (SslCaCertificates, ssl_ca_certs) cannot be read: {exception.Message}", nameof(settings), exception);
        }

        return authorities.Count > 0
            ? new RedisCertificateValidator(authorities, caFile, settings.SslAllowUntrusted)
            : throw new ArgumentException($"The Redis TLS certificate authority file '{caFile}' (SslCaCertificates, ssl_ca_certs) holds no PEM certificate.", nameof(settings));
    }

    /// <summary>The <see cref="RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        string? problem = _allowUntrusted ? null : Problem(certificate, chain, errors);
        _lastRejection = problem;
        return problem is null;
    }

    private string? Problem(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "the server presented no TLS certificate";
        }

        using var leaf = new X509Certificate2(certificate);
        string subject = leaf.Subject;
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return $"the server's TLS certificate ({subject}) does not name the host connected to";
        }

        if (_authorities is null)
        {
            return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0
                ? null
                : $"the server's TLS certificate ({subject}, issued by {leaf.Issuer}) is not trusted by this machine; set SslCaCertificates (ssl_ca_certs) to its authority's PEM file";
        }

        return Orleans.Caching.Runtime.CustomRootTrust.Chains(leaf, presented, _authorities, out _)
            ? null
            : $"the server's TLS certificate ({subject}, issued by {leaf.Issuer}) does not chain to an authority in {_caFile}";
    }
}
