using Orleans.Caching.Tests.Memoize;

namespace Orleans.Caching.Tests.Interception;

public interface IAdderService
{
    [Memoize]
    long Add(int b);

    [Memoize(60)]
    Task<long> AddAsync(int b);

    [Memoize(Timeout = 60)]
    ValueTask<long> AddValueAsync(int b, CancellationToken cancellationToken = default);

    long Plain(int b);
}

/// <summary>Instances have per-object identity (no ToString override), like Flask's Adder.</summary>
public class AdderService : IAdderService
{
    private static int s_next;

    public int Initial { get; set; } = Interlocked.Increment(ref s_next) * 1000;

    public int Runs { get; private set; }

    public long Add(int b)
    {
        Runs++;
        return Initial + b + Randoms.Next();
    }

    public async Task<long> AddAsync(int b)
    {
        await Task.Yield();
        Runs++;
        return Initial + b + Randoms.Next();
    }

    public async ValueTask<long> AddValueAsync(int b, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        Runs++;
        return Initial + b + Randoms.Next();
    }

    public long Plain(int b)
    {
        Runs++;
        return Randoms.Next();
    }
}

public interface IIdentifiedService
{
    [Memoize]
    long Add(int b);
}

/// <summary>ToString is constant but the caching id is the state (Flask's test_memoize_classfunc_repr).</summary>
public sealed class IdentifiedService : IIdentifiedService, ICachingId
{
    public int Initial { get; set; }

    public string CachingId => Initial.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public long Add(int b) => Initial + b + Randoms.Next();

    public override string ToString() => "42";
}

public interface ISharedService
{
    [Memoize(ArgsToIgnore = ["self"])]
    long Add(int b);

    [Memoize(ArgsToIgnore = ["b"])]
    long Foo(int a, int b);
}

public sealed class SharedService : ISharedService
{
    public long Add(int b) => b + Randoms.Next();

    public long Foo(int a, int b) => a + b + Randoms.Next();
}

/// <summary>A class proxy: virtual methods only.</summary>
public class ClassAdder
{
    public int Runs { get; private set; }

    [Memoize]
    public virtual long Add(int b)
    {
        Runs++;
        return b + Randoms.Next();
    }

    [Memoize(Policy = "skip-negative")]
    public virtual async Task<long> GuardedAsync(int b)
    {
        await Task.Yield();
        Runs++;
        return b + Randoms.Next();
    }

    [Cached(KeyPrefix = "report")]
    public virtual string Report() => "report " + Randoms.Next();

    [Memoize(CacheName = "other")]
    public virtual long OtherCache(int b) => b + Randoms.Next();

    public virtual long NotCached() => Randoms.Next();
}

public interface IVoidService
{
    [Memoize]
    void Run(int a);
}

public sealed class VoidService : IVoidService
{
    public void Run(int a)
    {
    }
}

public interface ITaskService
{
    [Memoize]
    Task RunAsync(int a);
}

public sealed class TaskService : ITaskService
{
    public Task RunAsync(int a) => Task.CompletedTask;
}

public interface IValueTaskService
{
    [Memoize]
    ValueTask RunAsync(int a);
}

public sealed class ValueTaskService : IValueTaskService
{
    public ValueTask RunAsync(int a) => ValueTask.CompletedTask;
}

public interface IOutService
{
    [Memoize]
    bool TryGet(int key, out int value);
}

public sealed class OutService : IOutService
{
    public bool TryGet(int key, out int value)
    {
        value = key;
        return true;
    }
}

public interface IRefService
{
    [Memoize]
    int Twice(ref int value);
}

public sealed class RefService : IRefService
{
    public int Twice(ref int value) => value * 2;
}

public class NonVirtualService
{
    [Memoize]
    public long Add(int b) => b + Randoms.Next();
}

public interface IPolicyService
{
    [Memoize(Policy = "missing")]
    long Get(int a);
}

public sealed class PolicyService : IPolicyService
{
    public long Get(int a) => a + Randoms.Next();
}
