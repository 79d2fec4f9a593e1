using System.Globalization;
using System.Text;
using Outbound.Detection;

namespace Outbound.Formats.Tests.Records;

/// <summary>Writes down every call a reader makes, one line each, so a test can compare the whole conversation.</summary>
internal sealed class RecordingVisitor : IRecordVisitor
{
    public List<string> Events { get; } = [];

    public void BeginRecord(long position) => Events.Add(string.Create(CultureInfo.InvariantCulture, $"begin {position}"));

    /// <summary>Gets or sets a value indicating whether a value passed as a plain number is written down with its digits before the point; otherwise it reads as any value.</summary>
    public bool MarkNumbers { get; init; }

    public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) =>
        Events.Add($"{Encoding.UTF8.GetString(name)}={Encoding.UTF8.GetString(value)}");

    public void Number(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int integerDigits) =>
        Events.Add($"{Encoding.UTF8.GetString(name)}={Encoding.UTF8.GetString(value)}" + (MarkNumbers ? string.Create(CultureInfo.InvariantCulture, $" #{integerDigits}") : ""));

    public void EndRecord() => Events.Add("end");

    public void Skip(long position, string field, string reason) =>
        Events.Add(string.Create(CultureInfo.InvariantCulture, $"skip {position} [{field}] {reason}"));

    /// <summary>Gets the skip events only.</summary>
    public IEnumerable<string> Skips => Events.Where(e => e.StartsWith("skip ", StringComparison.Ordinal));
}

/// <summary>A stream that hands out at most a few bytes per read, as pipes and sockets may.</summary>
internal sealed class TrickleStream(byte[] data, int chunk) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int count = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
