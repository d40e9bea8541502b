using Orleans.Caching.Silo.Tests.Grains;

namespace Orleans.Caching.Silo.Tests.Infrastructure;

/// <summary>Request bodies the tests use often.</summary>
public static class Calls
{
    public static ProbeRequest<int> ActivationNumber() => new("ActivationNumber", static (g, _) => ValueTask.FromResult(g.ActivationNumber), readOnly: true);

    public static ProbeRequest<int> Write(TestGate? gate = null, Action? body = null) => new("Write", async (g, ct) =>
    {
        if (gate is not null)
        {
            await gate.PassAsync(ct);
        }

        body?.Invoke();
        return ++g.Value;
    });

    public static ProbeRequest<int> Read(TestGate? gate = null, Action? body = null) => new("Read", async (g, ct) =>
    {
        if (gate is not null)
        {
            await gate.PassAsync(ct);
        }

        body?.Invoke();
        return g.Value;
    }, readOnly: true);

    public static ProbeRequest<long> SetSize(long size) => new("SetSize", (g, _) =>
    {
        g.Size = size;
        return ValueTask.FromResult(size);
    });

    public static ProbeRequest<string?> Loaded() => new("Loaded", static (g, _) => ValueTask.FromResult(g.Loaded), readOnly: true);

    public static ProbeRequest<int> Throw(Exception exception) => new("Throw", (_, _) => ValueTask.FromException<int>(exception));
}
