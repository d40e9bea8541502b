using System.Net;
using System.Text.RegularExpressions;

namespace Orleans.Caching.WebApp.Tests.Support;

/// <summary>Reads what the sample's pages show: the values of elements with a given id.</summary>
public static partial class PageReader
{
    public static async Task<string> GetPageAsync(this HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>Presses a clear button: POSTs its form (the redirect back to the page is followed) and returns the page shown then.</summary>
    public static async Task<string> PressAsync(this HttpClient client, string action, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using HttpResponseMessage response = await client.PostAsync(action, form);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {action}: {(int)response.StatusCode} {body}");
        return body;
    }

    public static string Value(string page, string id)
    {
        Match match = Regex.Match(page, "id=\"" + Regex.Escape(id) + "\">([^<]*)<");
        Assert.True(match.Success, $"No element with id '{id}' in the page:\n{page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static long Render(string page, string id = "render") => long.Parse(Value(page, id), System.Globalization.CultureInfo.InvariantCulture);
}
