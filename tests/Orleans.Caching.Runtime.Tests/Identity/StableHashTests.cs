using System.Text;

namespace Orleans.Caching.Runtime.Tests.Identity;

public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0UL, 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0UL, 0x44BC2CF5AD770999UL)]
    public void XxHash64_matches_the_reference_vectors(string input, ulong seed, ulong expected)
    {
        Assert.Equal(expected, StableHash.XxHash64(Encoding.ASCII.GetBytes(input), seed));
        Assert.Equal(expected, StableHash.Hash(input, seed));
    }

    [Fact]
    public void Long_inputs_take_the_four_lane_path_and_agree_between_string_and_bytes()
    {
        string text = string.Concat(Enumerable.Repeat("Nobody inspects the spammish repetition ", 20)) + "é✓";
        ulong fromBytes = StableHash.XxHash64(Encoding.UTF8.GetBytes(text));
        Assert.Equal(fromBytes, StableHash.Hash(text));
        Assert.NotEqual(fromBytes, StableHash.Hash(text + "!"));
    }

    [Fact]
    public void Every_length_up_to_seventy_hashes_differently_from_its_neighbours()
    {
        byte[] data = Enumerable.Range(0, 70).Select(i => (byte)(i * 7)).ToArray();
        var seen = new HashSet<ulong>();
        for (int length = 0; length <= data.Length; length++)
        {
            Assert.True(seen.Add(StableHash.XxHash64(data.AsSpan(0, length))), $"collision at length {length}");
        }
    }

    [Fact]
    public void Combine_depends_on_order()
    {
        Assert.NotEqual(StableHash.Combine(1, 2), StableHash.Combine(2, 1));
    }
}
