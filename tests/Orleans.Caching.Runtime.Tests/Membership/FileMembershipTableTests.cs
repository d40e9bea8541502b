using System.Net;
using System.Text;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Runtime.Tests.Membership;

public sealed class FileMembershipTableTests : IDisposable
{
    private static CancellationToken None => CancellationToken.None;
    private static DateTimeOffset T0 => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    private string TablePath => Path.Combine(_directory.Path, "membership.json");

    public void Dispose() => _directory.Dispose();

    private FileMembershipTable CreateTable(TimeSpan? lockTimeout = null)
        => new(new FileMembershipTableOptions { Path = TablePath, LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(10) }, TimeProvider.System);

    private static MembershipEntry Entry(int port, SiloStatus status) => new()
    {
        Silo = new SiloAddress(new IPEndPoint(IPAddress.Loopback, port), 3),
        Status = status,
        StartTime = T0,
        IAmAliveTime = T0,
    };

    private FileStream HoldLock() => new(TablePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    [Fact]
    public async Task The_file_is_readable_json_with_the_version_and_rows()
    {
        FileMembershipTable table = CreateTable();
        await table.InitializeAsync(None);
        Assert.True(await table.TryWriteAsync(Entry(11111, SiloStatus.Active), 0, None));

        string json = await File.ReadAllTextAsync(TablePath);

        Assert.Contains("\"version\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"silo\": \"127.0.0.1:11111@3\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Active\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_leave_no_temporary_files_behind()
    {
        FileMembershipTable table = CreateTable();
        await table.InitializeAsync(None);
        for (int i = 0; i < 5; i++)
        {
            Assert.True(await table.TryWriteAsync(Entry(11111 + i, SiloStatus.Joining), i, None));
        }

        string[] files = Directory.GetFiles(_directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(["membership.json", "membership.json.lock"], files);
    }

    [Fact]
    public async Task A_mutation_fails_with_a_timeout_while_another_process_holds_the_lock()
    {
        FileMembershipTable table = CreateTable(lockTimeout: TimeSpan.FromMilliseconds(200));
        await table.InitializeAsync(None);

        using (HoldLock())
        {
            TimeoutException error = await Assert.ThrowsAsync<TimeoutException>(() => table.TryWriteAsync(Entry(11111, SiloStatus.Joining), 0, None));
            Assert.Contains("membership.json.lock", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await table.ReadAllAsync(None)).Version);
    }

    [Fact]
    public async Task Reads_do_not_wait_for_the_lock()
    {
        FileMembershipTable table = CreateTable(lockTimeout: TimeSpan.FromMilliseconds(200));
        await table.InitializeAsync(None);
        Assert.True(await table.TryWriteAsync(Entry(11111, SiloStatus.Joining), 0, None));

        using (HoldLock())
        {
            Assert.Equal(1, (await table.ReadAllAsync(None)).Version);
        }
    }

    [Fact]
    public async Task A_mutation_waiting_for_the_lock_completes_once_it_is_released()
    {
        FileMembershipTable table = CreateTable();
        await table.InitializeAsync(None);
        Task<bool> write;
        using (HoldLock())
        {
            write = table.TryWriteAsync(Entry(11111, SiloStatus.Joining), 0, None);
            Assert.False(write.IsCompleted);
        }

        Assert.True(await write);
        Assert.Equal(1, (await table.ReadAllAsync(None)).Version);
    }

    [Fact]
    public async Task A_corrupt_file_is_reported_with_its_path()
    {
        await File.WriteAllTextAsync(TablePath, "{\"version\": 1, \"silos\": [{\"silo\": \"nonsense\"}]}", Encoding.UTF8);
        FileMembershipTable table = CreateTable();

        InvalidDataException error = await Assert.ThrowsAsync<InvalidDataException>(() => table.ReadAllAsync(None));
        Assert.Contains(TablePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_reads_as_an_empty_table()
    {
        FileMembershipTable table = CreateTable();

        MembershipTableSnapshot snapshot = await table.ReadAllAsync(None);

        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public void Options_without_a_path_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new FileMembershipTable(new FileMembershipTableOptions(), TimeProvider.System));
    }
}
