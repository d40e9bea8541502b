using Orleans.Caching.Tests;
using Orleans.Caching.WebApp.Tests.Support;

namespace Orleans.Caching.WebApp.Tests.Local;

/// <summary>The sample as <c>dotnet run</c> starts it (Caching:Type = Local from appsettings.json), on a fake clock so expiry is tested without waiting.</summary>
public sealed class LocalSamplePagesTests : SamplePagesTests, IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly SampleAppFactory _factory;

    public LocalSamplePagesTests()
    {
        _factory = new SampleAppFactory(new Dictionary<string, string?>(), _clock);
        Client = _factory.CreateClient();
    }

    protected override HttpClient Client { get; }

    protected override IServiceProvider Services => _factory.Services;

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task The_cached_view_expires_after_60_seconds_and_shows_a_new_timestamp()
    {
        string first = await Client.GetPageAsync("/CachedView");
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(PageReader.Render(first), PageReader.Render(await Client.GetPageAsync("/CachedView")));

        _clock.Advance(TimeSpan.FromSeconds(2));
        string renewed = await Client.GetPageAsync("/CachedView");

        Assert.True(PageReader.Render(renewed) > PageReader.Render(first));
        Assert.NotEqual(PageReader.Value(first, "rendered-at"), PageReader.Value(renewed, "rendered-at"));
    }

    [Fact]
    public async Task The_fragment_expires_after_60_seconds()
    {
        string first = await Client.GetPageAsync("/Fragment");
        _clock.Advance(TimeSpan.FromSeconds(61));

        string renewed = await Client.GetPageAsync("/Fragment");

        Assert.True(PageReader.Render(renewed, "fragment-render") > PageReader.Render(first, "fragment-render"));
        Assert.NotEqual(PageReader.Value(first, "fragment-rendered-at"), PageReader.Value(renewed, "fragment-rendered-at"));
    }

    [Fact]
    public async Task The_memoized_result_expires_after_60_seconds()
    {
        string first = await Client.GetPageAsync("/Memoized?city=Expiry");
        _clock.Advance(TimeSpan.FromSeconds(61));

        string renewed = await Client.GetPageAsync("/Memoized?city=Expiry");

        Assert.True(PageReader.Render(renewed, "computation") > PageReader.Render(first, "computation"));
    }
}
