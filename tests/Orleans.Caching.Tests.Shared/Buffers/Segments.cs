using System.Buffers;

namespace Orleans.Caching.Tests.Buffers;

/// <summary>Builds multi-segment sequences, as a pipe delivers input in pieces.</summary>
public static class Segments
{
    public static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> data, int chunk)
    {
        if (data.Length <= chunk)
        {
            return new ReadOnlySequence<byte>(data);
        }

        var first = new Segment(data[..chunk], 0);
        Segment last = first;
        for (int offset = chunk; offset < data.Length; offset += chunk)
        {
            last = last.Append(data[offset..Math.Min(offset + chunk, data.Length)]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
