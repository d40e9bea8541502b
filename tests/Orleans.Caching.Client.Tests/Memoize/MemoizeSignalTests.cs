namespace Orleans.Caching.Tests.Memoize;

public sealed class MemoizeSignalTests
{
    private readonly MemoizeHarness _h = new(new CacheOptions { EnableSignals = true });
    private readonly List<(string Kind, CacheSignalEventArgs Args)> _signals = [];

    public MemoizeSignalTests()
    {
        _h.Cache.Hit += (_, e) => _signals.Add(("hit", e));
        _h.Cache.Miss += (_, e) => _signals.Add(("miss", e));
    }

    private static int Add(int a, int b) => a + b;

    [Fact]
    public void A_memoized_call_sends_a_miss_then_a_hit_with_the_function_and_raw_arguments()
    {
        var add = _h.Cache.Memoize<Func<int, int, int>>(Add);
        add.Invoke(1, 2);
        add.Invoke(1, 2);
        Assert.Equal(["miss", "hit"], _signals.Select(s => s.Kind));
        Assert.All(_signals, s =>
        {
            Assert.Equal(CacheSignalKind.Memoize, s.Args.Kind);
            Assert.Equal(add.Uncached, s.Args.Invocation.Function);
            Assert.Equal([1, 2], s.Args.Invocation.Arguments.Cast<int>());
        });
        Assert.Equal(_signals[0].Args.CacheKey, _signals[1].Args.CacheKey);
    }

    [Fact]
    public void Signals_carry_the_raw_arguments_not_the_normalized_ones()
    {
        var add = _h.Cache.Memoize<Func<Adder, int, long>>((self, b) => self.Add(b));
        var adder = new Adder(1);
        add.Invoke(adder, 2);
        Assert.Same(adder, _signals.Single().Args.Invocation.Arguments[0]);
        Assert.Same(adder, _signals.Single().Args.Invocation.Instance);
    }

    [Fact]
    public void An_open_instance_delegate_reports_its_instance_apart_from_the_arguments()
    {
        var open = typeof(Adder).GetMethod(nameof(Adder.Add))!.CreateDelegate<Func<Adder, int, long>>();
        var add = _h.Cache.Memoize(open);
        var adder = new Adder(1);
        add.Invoke(adder, 3);
        CacheInvocation invocation = _signals.Single().Args.Invocation;
        Assert.Same(adder, invocation.Instance);
        Assert.Equal(3, invocation["b"]);
    }

    [Fact]
    public void A_forced_update_sends_a_miss()
    {
        var add = _h.Cache.Memoize<Func<int, int, int>>(Add, new MemoizeOptions { ForcedUpdate = _ => true });
        add.Invoke(1, 2);
        add.Invoke(1, 2);
        Assert.Equal(["miss", "miss"], _signals.Select(s => s.Kind));
    }

    [Fact]
    public void A_stale_hit_sends_a_miss()
    {
        var add = _h.Cache.Memoize<Func<int, int, int>>(Add, new MemoizeOptions { IsStale = (_, _) => true });
        add.Invoke(1, 2);
        add.Invoke(1, 2);
        Assert.Equal(["miss", "miss"], _signals.Select(s => s.Kind));
    }

    [Fact]
    public void Signals_are_off_by_default()
    {
        var h = new MemoizeHarness();
        int raised = 0;
        h.Cache.Hit += (_, _) => raised++;
        h.Cache.Miss += (_, _) => raised++;
        var add = h.Cache.Memoize<Func<int, int, int>>(Add);
        add.Invoke(1, 2);
        add.Invoke(1, 2);
        Assert.Equal(0, raised);
    }
}
