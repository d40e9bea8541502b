using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Caching.Backends.Redis;

/// <summary>
/// Lets StackExchange.Redis 1.2.6, which connects only over TCP, reach a server's unix socket: a loopback listener on an ephemeral
/// port whose every connection is piped to the socket. Only this process can use it (it listens on 127.0.0.1 and dies with the
/// connection). Remove it when the client library is upgraded to one with unix socket endpoints.
/// </summary>
internal sealed class UnixSocketRelay : IDisposable
{
    private readonly string _path;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Socket, bool> _sockets = new();

    private UnixSocketRelay(string path)
    {
        _path = path;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _ = AcceptLoopAsync();
    }

    /// <summary>Gets the loopback endpoint to connect to.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Starts a relay to the unix socket at <paramref name="path"/>.</summary>
    /// <param name="path">The socket's path.</param>
    /// <returns>The running relay.</returns>
    public static UnixSocketRelay Start(string path) => new(path);

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        foreach (Socket socket in _sockets.Keys)
        {
            socket.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(Socket client)
    {
        var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _sockets[client] = true;
        _sockets[server] = true;
        try
        {
            await server.ConnectAsync(new UnixDomainSocketEndPoint(_path), _stopping.Token).ConfigureAwait(false);
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The peer went away (or the relay stopped): closing both sides below tells the client library, which reconnects.
        }
        finally
        {
            _sockets.TryRemove(client, out _);
            _sockets.TryRemove(server, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        byte[] buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                int read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Ends this direction; the caller closes both sockets.
        }
    }
}
