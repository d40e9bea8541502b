namespace Orleans.Caching.Tests.Memoize;

/// <summary>Flask's <c>Adder</c>: a class with a memoized method and per-instance state.</summary>
public class Adder(int initial)
{
    public int Initial { get; } = initial;

    public int Runs { get; private set; }

    public long Add(int b)
    {
        Runs++;
        return Initial + b + Randoms.Next();
    }
}

/// <summary>An adder whose ToString is constant but whose caching id is its state (Flask's test_memoize_classfunc_repr).</summary>
public sealed class IdentifiedAdder(int initial) : Adder(initial), ICachingId
{
    public string CachingId => Initial.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => "42";
}

/// <summary>An adder keyed by value: its ToString is its state.</summary>
public sealed class NamedAdder(int initial) : Adder(initial)
{
    public override string ToString() => "Adder(" + Initial.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}

/// <summary>A plain object passed as an argument; keyed by per-object identity.</summary>
public sealed class Widget
{
    public int Value { get; set; }
}

/// <summary>A "class" for classmethod-style memoized functions.</summary>
public sealed class Mock
{
}
