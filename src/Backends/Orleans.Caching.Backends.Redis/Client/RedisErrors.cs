namespace Orleans.Caching.Backends.Redis;

/// <summary>Turns a client failure into a <see cref="CacheException"/> that names the server and command but never a password.</summary>
internal static class RedisErrors
{
    private const string Hidden = "***";

    /// <summary>Builds the exception.</summary>
    /// <param name="target">The server description (no password).</param>
    /// <param name="command">The command that failed.</param>
    /// <param name="failure">The client's exception.</param>
    /// <param name="cause">What is known to have caused it (a refused TLS certificate), put first; or <see langword="null"/>.</param>
    /// <param name="secrets">Passwords to scrub from the client's message.</param>
    /// <returns>The exception to throw.</returns>
    public static CacheException Wrap(string target, string command, Exception failure, string? cause, params string?[] secrets)
    {
        string reason = Scrub(failure.Message, secrets);
        bool leaks = Leaks(failure, secrets);
        string prefix = cause is null ? string.Empty : cause + "; ";
        return new CacheException($"Redis {target} could not run {command}: {prefix}{reason}", leaks ? null : failure);
    }

    /// <summary>Removes every secret from a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="secrets">The secrets.</param>
    /// <returns>The text with each secret replaced by <c>***</c>.</returns>
    public static string Scrub(string text, params string?[] secrets)
    {
        foreach (string? secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Hidden, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static bool Leaks(Exception failure, string?[] secrets)
    {
        string all = failure.ToString();
        foreach (string? secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret) && all.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
