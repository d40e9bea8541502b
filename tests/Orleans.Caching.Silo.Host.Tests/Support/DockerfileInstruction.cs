namespace Orleans.Caching.Silo.Host.Tests;

/// <summary>One Dockerfile instruction: its keyword (upper case) and its arguments with continuation lines joined.</summary>
internal sealed record DockerfileInstruction(string Keyword, string Arguments, int Stage)
{
    /// <summary>Parses a Dockerfile: comments and blank lines dropped, <c>\</c> continuations joined, stages numbered from 0 at each FROM.</summary>
    public static IReadOnlyList<DockerfileInstruction> Parse(string text)
    {
        var result = new List<DockerfileInstruction>();
        string pending = string.Empty;
        int stage = -1;
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r').Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (pending.Length > 0 && line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].TrimEnd() + " ";
                continue;
            }

            string full = (pending + line).Trim();
            pending = string.Empty;
            if (full.Length == 0)
            {
                continue;
            }

            int space = full.IndexOf(' ', StringComparison.Ordinal);
            string keyword = (space < 0 ? full : full[..space]).ToUpperInvariant();
            string arguments = space < 0 ? string.Empty : full[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            result.Add(new DockerfileInstruction(keyword, arguments, stage));
        }

        Assert.True(pending.Length == 0, "The Dockerfile ends inside a line continuation.");
        return result;
    }
}
