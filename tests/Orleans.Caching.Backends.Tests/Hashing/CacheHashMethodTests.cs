using System.Security.Cryptography;

namespace Orleans.Caching.Tests.Hashing;

public sealed class CacheHashMethodTests
{
    [Fact]
    public void All_lists_the_six_methods_in_Flask_order()
    {
        Assert.Equal(["sha1", "sha224", "sha256", "sha384", "sha512", "md5"], CacheHashMethod.All.Select(m => m.Name));
    }

    [Theory]
    [InlineData("sha1", 20)]
    [InlineData("sha224", 28)]
    [InlineData("sha256", 32)]
    [InlineData("sha384", 48)]
    [InlineData("sha512", 64)]
    [InlineData("md5", 16)]
    public void From_name_finds_each_method_case_insensitively(string name, int digestBytes)
    {
        CacheHashMethod method = CacheHashMethod.FromName(name.ToUpperInvariant());
        Assert.Equal(name, method.Name);
        Assert.Equal(digestBytes, method.ComputeHash("abc"u8.ToArray()).Length);
        Assert.Equal(digestBytes * 2, method.ComputeHexDigest("abc"u8.ToArray()).Length);
    }

    [Fact]
    public void Digests_match_the_platform_implementations()
    {
        byte[] data = "/works?a=1&b=2"u8.ToArray();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), CacheHashMethod.Sha256.ComputeHexDigest(data));
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), CacheHashMethod.Md5.ComputeHexDigest(data));
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), CacheHashMethod.Sha512.ComputeHexDigest(data));
    }

    [Fact]
    public void An_unknown_name_throws_listing_the_known_ones()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => CacheHashMethod.FromName("crc32"));
        Assert.Contains("'crc32'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sha1, sha224, sha256, sha384, sha512, md5", error.Message, StringComparison.Ordinal);
    }
}
