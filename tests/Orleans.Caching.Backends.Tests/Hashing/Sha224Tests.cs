using System.Text;

namespace Orleans.Caching.Tests.Hashing;

public sealed class Sha224Tests
{
    // FIPS 180-4 / NIST CSRC example values for SHA-224.
    [Theory]
    [InlineData("abc", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")]
    [InlineData("", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525")]
    public void Digest_matches_the_FIPS_180_4_test_vector(string message, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Sha224.HashData(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Digest_of_one_million_a_matches_the_FIPS_180_4_test_vector()
    {
        byte[] message = Enumerable.Repeat((byte)'a', 1_000_000).ToArray();
        Assert.Equal("20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67", Convert.ToHexStringLower(Sha224.HashData(message)));
    }

    [Theory]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(119)]
    [InlineData(120)]
    public void Messages_around_the_padding_boundaries_hash_to_28_bytes_that_differ_by_length(int length)
    {
        byte[] shorter = Sha224.HashData(new byte[length - 1]);
        byte[] digest = Sha224.HashData(new byte[length]);
        Assert.Equal(28, digest.Length);
        Assert.NotEqual(shorter, digest);
    }

    [Fact]
    public void The_hash_method_named_sha224_uses_it()
    {
        CacheHashMethod method = CacheHashMethod.FromName("sha224");
        Assert.Same(CacheHashMethod.Sha224, method);
        Assert.Equal("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", method.ComputeHexDigest("abc"u8.ToArray()));
    }
}
