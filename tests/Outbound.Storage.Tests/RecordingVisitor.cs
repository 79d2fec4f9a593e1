using System.Globalization;
using System.Text;
using Outbound.Detection;

namespace Outbound.Storage.Tests;

/// <summary>Writes down every call a reader makes, one line each, so a test can compare the whole conversation.</summary>
internal sealed class RecordingVisitor : IRecordVisitor
{
    public List<string> Events { get; } = [];

    public void BeginRecord(long position) => Events.Add(string.Create(CultureInfo.InvariantCulture, $"begin {position}"));

    public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) =>
        Events.Add($"{Encoding.UTF8.GetString(name)}={Encoding.UTF8.GetString(value)}");

    public void EndRecord() => Events.Add("end");

    public void Skip(long position, string field, string reason) =>
        Events.Add(string.Create(CultureInfo.InvariantCulture, $"skip {position} [{field}] {reason}"));
}
