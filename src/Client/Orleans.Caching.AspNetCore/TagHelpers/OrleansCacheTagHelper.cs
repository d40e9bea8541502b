using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// Caches the rendered body of <c>&lt;orleans-cache name="..." vary-by="..." timeout="..."&gt;</c> in the <see cref="Cache"/> (Flask-Caching's
/// Jinja <c>{% cache timeout, name, vary... %}</c>), under <see cref="TemplateFragmentKey.Make"/>'s key, so code can delete a fragment.
/// Enable it with <c>@addTagHelper *, Orleans.Caching.AspNetCore</c>.
/// </summary>
/// <remarks>
/// <c>timeout="del"</c> deletes the fragment's key and renders the body uncached. A backend failure is logged and the body is rendered
/// uncached (with <c>Caching:Debug</c> the failure propagates). The element itself is not written, only its content.
/// </remarks>
[HtmlTargetElement(TagName)]
public sealed class OrleansCacheTagHelper : TagHelper
{
    /// <summary>The element name.</summary>
    public const string TagName = "orleans-cache";

    /// <summary>The <c>timeout</c> value that deletes the fragment.</summary>
    public const string DeleteTimeout = "del";

    private readonly Cache _cache;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="OrleansCacheTagHelper"/> class.</summary>
    /// <param name="cache">The cache fragments are stored in.</param>
    /// <param name="logger">The logger for backend failures.</param>
    public OrleansCacheTagHelper(Cache cache, ILogger<OrleansCacheTagHelper> logger)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(logger);
        _cache = cache;
        _logger = logger;
    }

    /// <summary>Gets or sets the fragment's name (required).</summary>
    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets values the fragment varies on, appended to the key in order (Jinja's extra <c>cache</c> arguments).</summary>
    [HtmlAttributeName("vary-on")]
    public IReadOnlyList<object?>? VaryOn { get; set; }

    /// <summary>Gets or sets one more value the fragment varies on, appended after <see cref="VaryOn"/>.</summary>
    [HtmlAttributeName("vary-by")]
    public string? VaryBy { get; set; }

    /// <summary>Gets or sets the time-to-live: whole seconds or a time span (<c>0</c> never expires), <c>del</c> to delete; absent for the backend default.</summary>
    [HtmlAttributeName("timeout")]
    public string? Timeout { get; set; }

    /// <summary>Gets or sets the view context (set by Razor).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    /// <inheritdoc/>
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        string key = MakeKey();
        if (Timeout == DeleteTimeout)
        {
            await RunSafelyAsync(key, () => _cache.DeleteAsync(key)).ConfigureAwait(false);
            output.Content.SetHtmlContent(await output.GetChildContentAsync().ConfigureAwait(false));
            return;
        }

        CacheTimeout? timeout = ParseTimeout();
        string? cached = null;
        bool readable = await RunSafelyAsync(key, async () => cached = await _cache.GetAsync<string>(key).ConfigureAwait(false)).ConfigureAwait(false);
        if (cached is not null)
        {
            output.Content.SetHtmlContent(cached);
            return;
        }

        string rendered = (await output.GetChildContentAsync().ConfigureAwait(false)).GetContent();
        if (readable)
        {
            await RunSafelyAsync(key, () => _cache.SetAsync(key, rendered, timeout)).ConfigureAwait(false);
        }

        output.Content.SetHtmlContent(rendered);
    }

    private string MakeKey()
    {
        if (string.IsNullOrEmpty(Name))
        {
            throw new InvalidOperationException(
                $"<{TagName}> in '{ViewContext?.ExecutingFilePath ?? "(unknown view)"}' has no name: add name=\"...\" (the fragment's key is built from it).");
        }

        int count = (VaryOn?.Count ?? 0) + (VaryBy is null ? 0 : 1);
        if (count == 0)
        {
            return TemplateFragmentKey.Make(Name);
        }

        var varyOn = new object?[count];
        for (int i = 0; i < (VaryOn?.Count ?? 0); i++)
        {
            varyOn[i] = VaryOn![i];
        }

        if (VaryBy is not null)
        {
            varyOn[^1] = VaryBy;
        }

        return TemplateFragmentKey.Make(Name, varyOn);
    }

    private CacheTimeout? ParseTimeout()
    {
        if (string.IsNullOrWhiteSpace(Timeout))
        {
            return null;
        }

        try
        {
            return CacheTimeout.Parse(Timeout);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException(
                $"<{TagName} name=\"{Name}\"> in '{ViewContext?.ExecutingFilePath ?? "(unknown view)"}' has an invalid timeout: {ex.Message} Use \"{DeleteTimeout}\" to delete the fragment.", ex);
        }
    }

    private async ValueTask<bool> RunSafelyAsync<T>(string key, Func<ValueTask<T>> operation)
    {
        try
        {
            _ = await operation().ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !_cache.Options.Debug)
        {
            Log.FragmentCacheFailed(_logger, key, ex);
            return false;
        }
    }
}
