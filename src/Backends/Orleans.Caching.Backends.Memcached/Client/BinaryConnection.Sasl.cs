using Orleans.Caching.Memcached.Protocol;

namespace Orleans.Caching.Memcached.Client;

internal sealed partial class BinaryConnection
{
    private const string PlainMechanism = "PLAIN";

    /// <summary>Authenticates with SASL PLAIN. The password is sent once, never put in a message.</summary>
    /// <exception cref="MemcachedAuthenticationException">The server does not offer PLAIN or rejects the credentials.</exception>
    public ValueTask<bool> AuthenticateAsync(string username, string password, CancellationToken cancellationToken)
        => GuardAsync(AuthenticateCoreAsync(username, password, cancellationToken));

    private async ValueTask<bool> AuthenticateCoreAsync(string username, string password, CancellationToken cancellationToken)
    {
        uint opaque = Request(BinaryProtocol.OpSaslListMechanisms, [], default, 0, 0);
        await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        BinaryResponse mechanisms = await ReadResponseAsync(BinaryProtocol.OpSaslListMechanisms, opaque, cancellationToken).ConfigureAwait(false);
        if (mechanisms.Status != BinaryProtocol.StatusOk)
        {
            throw new MemcachedAuthenticationException(Server, $"listing SASL mechanisms failed ({BinaryProtocol.DescribeStatus(mechanisms.Status)}); is the server started with -S?");
        }

        string offered = System.Text.Encoding.ASCII.GetString(mechanisms.Value);
        if (!offered.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(PlainMechanism, StringComparer.OrdinalIgnoreCase))
        {
            throw new MemcachedAuthenticationException(Server, $"the server offers the SASL mechanisms '{offered.Trim()}', not PLAIN (add 'mech_list: plain' to its SASL configuration).");
        }

        byte[] user = Utf8(username);
        byte[] secret = Utf8(password);
        byte[] credentials = new byte[user.Length + secret.Length + 2];
        user.CopyTo(credentials, 1);
        secret.CopyTo(credentials, user.Length + 2);
        try
        {
            opaque = Request(BinaryProtocol.OpSaslAuthenticate, Utf8(PlainMechanism), default, credentials.Length, 0);
            Append(credentials);
            await FlushWritesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Array.Clear(credentials);
            Array.Clear(secret);
        }

        BinaryResponse response = await ReadResponseAsync(BinaryProtocol.OpSaslAuthenticate, opaque, cancellationToken).ConfigureAwait(false);
        if (response.Status != BinaryProtocol.StatusOk)
        {
            throw new MemcachedAuthenticationException(Server, $"SASL PLAIN authentication of user '{username}' failed ({BinaryProtocol.DescribeStatus(response.Status)}); check Caching:Memcached:Username and Password.");
        }

        return true;
    }
}
