using System.Text.RegularExpressions;

namespace Orleans.Caching.Tests.Memoize;

public sealed partial class MemoizeKeyFormatTests
{
    private readonly MemoizeHarness _h = new();

    public static int Add(int a, int b = 2, params int[] args) => a + b + args.Sum();

    [GeneratedRegex("^[A-Za-z0-9+/]{22}$")]
    private static partial Regex FunctionKey();

    [Fact]
    public async Task A_function_key_is_22_base64_characters_and_its_version_key_is_named_after_the_function()
    {
        var add = _h.Cache.Memoize<Func<int, int, int[], int>>(Add);
        Assert.Equal("Orleans.Caching.Tests.Memoize.MemoizeKeyFormatTests.Add", add.FunctionName);
        string key = await add.MakeCacheKeyAsync(1);
        Assert.Matches(FunctionKey(), key);
        string? version = await _h.Cache.GetAsync<string>(add.FunctionName + "_memver");
        Assert.NotNull(version);
        Assert.Equal(6, version.Length);
        Assert.EndsWith(version, key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hash_input_follows_flask_caching()
    {
        var add = _h.Cache.Memoize<Func<int, int, int[], int>>(Add);
        MemoizeDescriptor d = add.Binding.Descriptor;
        MemoizeNormalizedCall call = MemoizeKeyBuilder.Normalize(d, [1], null);
        Assert.Equal(add.FunctionName + "(1, 2)OrderedDict()", MemoizeKeyBuilder.HashInput(d, call));
        string key = await add.MakeCacheKeyAsync(1);
        string version = (await _h.Cache.GetAsync<string>(add.FunctionName + "_memver"))!;
        string expected = Convert.ToBase64String(CacheHashMethod.Sha256.ComputeHash(System.Text.Encoding.UTF8.GetBytes(add.FunctionName + "(1, 2)OrderedDict()")))[..16];
        Assert.Equal(expected + version, key);
        Assert.Equal(add.FunctionName + "(1, 2, 3, 4)OrderedDict()", MemoizeKeyBuilder.HashInput(d, MemoizeKeyBuilder.Normalize(d, [1, 2, 3, 4], null)));
        Assert.Equal(await add.MakeCacheKeyAsync(1, 2, 3, 4), await add.MakeCacheKeyAsync(1, 2, 3, 4));
    }

    [Fact]
    public async Task Invoke_and_make_cache_key_agree_on_the_key()
    {
        var add = _h.Cache.Memoize<Func<int, int, int[], int>>(Add);
        Assert.Equal(10, add.Invoke(1, 2, [3, 4]));
        Assert.Equal(10, await _h.Cache.GetAsync<int>(await add.MakeCacheKeyAsync(1, 2, 3, 4)));
    }

    [Fact]
    public async Task Make_name_changes_the_hash_input_but_not_the_version_key()
    {
        var add = _h.Cache.Memoize<Func<int, int, int[], int>>(Add, new MemoizeOptions { MakeName = n => "custom." + n });
        Assert.StartsWith("custom.Orleans", MemoizeKeyBuilder.HashInput(add.Binding.Descriptor, MemoizeKeyBuilder.Normalize(add.Binding.Descriptor, [1], null)), StringComparison.Ordinal);
        await add.MakeCacheKeyAsync(1);
        Assert.NotNull(await _h.Cache.GetAsync(add.FunctionName + "_memver"));
    }

    [Fact]
    public void Lambdas_get_filtered_compiler_names_and_a_name_option_overrides_them()
    {
        var lambda = _h.Cache.Memoize<Func<int, int>>(x => x);
        Assert.Matches("^[A-Za-z0-9_.]+$", lambda.FunctionName);
        Assert.StartsWith("Orleans.Caching.Tests.Memoize.MemoizeKeyFormatTests.", lambda.FunctionName, StringComparison.Ordinal);
        Assert.Equal("my.func1", _h.Cache.Memoize<Func<int, int>>(x => x, new MemoizeOptions { Name = "my.func<1>" }).FunctionName);
    }

    [Fact]
    public async Task Instance_version_keys_filter_the_identity_token()
    {
        var adder = new NamedAdder(7);
        var add = _h.Cache.Memoize<Func<int, long>>(adder.Add);
        string key = await add.MakeCacheKeyAsync(1);
        Assert.Equal(28, key.Length);
        string? instanceVersion = await _h.Cache.GetAsync<string>("Orleans.Caching.Tests.Memoize.Adder.Add.Adder7_memver");
        Assert.NotNull(instanceVersion);
        Assert.EndsWith(instanceVersion, key, StringComparison.Ordinal);
    }

    [Fact]
    public void New_versions_are_6_base64_characters_and_random()
    {
        string[] versions = Enumerable.Range(0, 50).Select(_ => MemoizeVersions.NewVersion()).ToArray();
        Assert.All(versions, v => Assert.Matches("^[A-Za-z0-9+/]{6}$", v));
        Assert.True(versions.Distinct().Count() > 45);
    }
}
