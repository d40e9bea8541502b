using System.Net.Sockets;
using System.Text;

namespace Orleans.Caching.Tests.Servers;

/// <summary>An independent check of a plain server: classic text commands over a raw socket, without the client under test.</summary>
public static class RawText
{
    public static async Task<string> CommandAsync(string address, string command)
    {
        string[] parts = address.Split(':');
        using var client = new TcpClient();
        await client.ConnectAsync(parts[0], int.Parse(parts[1]));
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var reply = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (!reply.ToString().EndsWith("END\r\n", StringComparison.Ordinal) && !reply.ToString().EndsWith("STORED\r\n", StringComparison.Ordinal)
               && !reply.ToString().EndsWith("ERROR\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return reply.ToString();
    }

    public static async Task<long> CurrentItemsAsync(string address)
    {
        string stats = await CommandAsync(address, "stats");
        string line = stats.Split("\r\n").Single(l => l.StartsWith("STAT curr_items ", StringComparison.Ordinal));
        return long.Parse(line["STAT curr_items ".Length..]);
    }

    public static async Task<string?> GetAsync(string address, string key)
    {
        string reply = await CommandAsync(address, "get " + key);
        if (reply == "END\r\n")
        {
            return null;
        }

        string[] lines = reply.Split("\r\n");
        return lines[1];
    }

    public static Task<string> SetAsync(string address, string key, string value)
        => CommandAsync(address, $"set {key} 0 0 {Encoding.ASCII.GetByteCount(value)}\r\n{value}");
}
