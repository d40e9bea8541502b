using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Tests.GrainMemoize;

/// <summary>A user grain with memoized methods: the subject of the grain-call memoize filter tests (Local silo and TestCluster).</summary>
public interface IPriceGrain : IGrainWithStringKey
{
    [Memoize(Timeout = 60)]
    Task<decimal> GetPriceAsync(string sku);

    [Memoize(Policy = PriceGrain.QuotePolicy)]
    Task<string> GetQuoteAsync(string sku);

    Task<long> GetCallsAsync();
}

/// <summary>Counts the calls that reached each grain (by key), process-wide: the silos of a TestCluster run in the test process.</summary>
public static class PriceGrainCalls
{
    private static readonly ConcurrentDictionary<string, long> s_calls = new(StringComparer.Ordinal);

    public static long Of(string key) => s_calls.TryGetValue(key, out long calls) ? calls : 0;

    internal static long Next(string key) => s_calls.AddOrUpdate(key, 1, static (_, calls) => calls + 1);
}

internal sealed class PriceGrain : Grain, IPriceGrain
{
    public const string QuotePolicy = "grain-quotes";
    public static readonly GrainType GrainType = new("test-price");

    /// <summary>Registers the grain's interface, class and codecs (a silo's services, or a cluster client's: codecs and interface only).</summary>
    public static IServiceCollection Register(IServiceCollection services, bool withClass = true)
    {
        services.AddSingleton(new GrainInterfaceRegistration(typeof(IPriceGrain), GrainType, static (id, invoker) => new PriceGrainReference(id, invoker)));
        if (withClass)
        {
            services.AddSingleton(new GrainClassRegistration(GrainType, typeof(IPriceGrain), static (_, _) => new PriceGrain()));
        }

        foreach (GrainMethodCodec codec in Codecs)
        {
            services.AddSingleton(codec);
        }

        return services;
    }

    public static IReadOnlyList<GrainMethodCodec> Codecs { get; } =
    [
        new GrainMethodCodec<PriceRequests.GetPrice, decimal>(
            9001,
            GrainType,
            static (o, r) => WireWriter.WriteString(o, r.Sku),
            static (ref WireReader r) => new PriceRequests.GetPrice(r.ReadString()),
            static (o, v) => WireWriter.WriteString(o, v.ToString(CultureInfo.InvariantCulture)),
            static (ref WireReader r) => decimal.Parse(r.ReadString(), CultureInfo.InvariantCulture)),
        new GrainMethodCodec<PriceRequests.GetQuote, string>(
            9002,
            GrainType,
            static (o, r) => WireWriter.WriteString(o, r.Sku),
            static (ref WireReader r) => new PriceRequests.GetQuote(r.ReadString()),
            WireWriter.WriteString,
            static (ref WireReader r) => r.ReadString()),
        new GrainMethodCodec<PriceRequests.GetCalls, long>(
            9003,
            GrainType,
            static (_, _) => { },
            static (ref WireReader _) => new PriceRequests.GetCalls(),
            WireWriter.WriteInt64,
            static (ref WireReader r) => r.ReadInt64()),
    ];

    public Task<decimal> GetPriceAsync(string sku) => Task.FromResult(PriceGrainCalls.Next(Key) * 1000m + sku.Length);

    public Task<string> GetQuoteAsync(string sku) => Task.FromResult(sku + "@" + PriceGrainCalls.Next(Key).ToString(CultureInfo.InvariantCulture));

    public Task<long> GetCallsAsync() => Task.FromResult(PriceGrainCalls.Of(Key));

    private string Key => GrainId.Key;
}

internal sealed class PriceGrainReference(GrainId grainId, IGrainCallInvoker invoker) : GrainReference(grainId, invoker), IPriceGrain
{
    public Task<decimal> GetPriceAsync(string sku) => InvokeAsync(new PriceRequests.GetPrice(sku), CancellationToken.None).AsTask();

    public Task<string> GetQuoteAsync(string sku) => InvokeAsync(new PriceRequests.GetQuote(sku), CancellationToken.None).AsTask();

    public Task<long> GetCallsAsync() => InvokeAsync(new PriceRequests.GetCalls(), CancellationToken.None).AsTask();
}

internal static class PriceRequests
{
    public sealed class GetPrice(string sku) : GrainRequest<decimal>
    {
        public string Sku { get; } = sku;

        public override string MethodName => nameof(IPriceGrain.GetPriceAsync);

        public override Type InterfaceType => typeof(IPriceGrain);

        public override int ArgumentCount => 1;

        public override object? GetArgument(int index) => index == 0 ? Sku : throw new ArgumentOutOfRangeException(nameof(index));

        public override async ValueTask<decimal> InvokeAsync(object grain, CancellationToken cancellationToken) => await ((IPriceGrain)grain).GetPriceAsync(Sku);
    }

    public sealed class GetQuote(string sku) : GrainRequest<string>
    {
        public string Sku { get; } = sku;

        public override string MethodName => nameof(IPriceGrain.GetQuoteAsync);

        public override Type InterfaceType => typeof(IPriceGrain);

        public override int ArgumentCount => 1;

        public override object? GetArgument(int index) => index == 0 ? Sku : throw new ArgumentOutOfRangeException(nameof(index));

        public override async ValueTask<string> InvokeAsync(object grain, CancellationToken cancellationToken) => await ((IPriceGrain)grain).GetQuoteAsync(Sku);
    }

    public sealed class GetCalls : GrainRequest<long>
    {
        public override string MethodName => nameof(IPriceGrain.GetCallsAsync);

        public override Type InterfaceType => typeof(IPriceGrain);

        public override async ValueTask<long> InvokeAsync(object grain, CancellationToken cancellationToken) => await ((IPriceGrain)grain).GetCallsAsync();
    }
}
