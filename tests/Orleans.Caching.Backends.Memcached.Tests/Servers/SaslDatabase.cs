using System.Diagnostics;

namespace Orleans.Caching.Tests.Servers;

/// <summary>A temporary SASL configuration (<c>memcached.conf</c> with <c>mech_list: plain</c>) and sasldb with one user, made with <c>saslpasswd2</c>.</summary>
public sealed class SaslDatabase : IDisposable
{
    public const string User = "cacheuser";
    public const string Password = "s3cret-Pa55word";
    private const string Tool = "/usr/sbin/saslpasswd2";

    private SaslDatabase(TempDirectory directory) => Temp = directory;

    public string Directory => Temp.Path;

    private TempDirectory Temp { get; }

    public static async Task<SaslDatabase> CreateAsync()
    {
        if (!File.Exists(Tool))
        {
            throw new InvalidOperationException($"{Tool} is missing: install the 'sasl2-bin' package (./test.sh does it).");
        }

        var database = new SaslDatabase(new TempDirectory());
        string sasldb = Path.Combine(database.Directory, "sasldb2");
        await File.WriteAllTextAsync(Path.Combine(database.Directory, "memcached.conf"), $"mech_list: plain\nsasldb_path: {sasldb}\n");
        var start = new ProcessStartInfo(Tool) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["-a", "memcached", "-c", "-f", sasldb, "-p", User])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(Password);
        process.StandardInput.Close();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"saslpasswd2 failed ({process.ExitCode}): {error}");
        }

        return database;
    }

    public void Dispose() => Temp.Dispose();
}
