using System.Collections.Immutable;
using Outbound.Gateway;
using Outbound.Law;

namespace Outbound.Cli.Tests;

/// <summary>The export summary as people read it.</summary>
public sealed class ExportOutputTests
{
    [Fact]
    public void Unreadable_records_are_named_one_a_line_with_their_field_and_the_rest_counted()
    {
        var summary = new ExportSummary(new ExportRunKey("digest", "fleet-trips", "handler", "out", "p", "d"), 0, [], dryRun: false);
        summary.Add(Batch(
            new UnreadableRecord(7, "vin", "The string is not closed."),
            new UnreadableRecord(9, "", "The line is not a JSON object."),
            new UnreadableRecord(12, "owner.phone", "Expected a value."),
            new UnreadableRecord(40, "", "The line is not valid UTF-8.")));

        Assert.Equal(
            "line/row 7, field vin: The string is not closed.\n"
            + "line/row 9: The line is not a JSON object.\n"
            + "line/row 12, field owner.phone: Expected a value.\n"
            + "and 1 more (--format json lists the first 4)",
            ExportOutput.UnreadableText(summary));
    }

    [Fact]
    public void Up_to_three_unreadable_records_are_named_without_a_count_of_more()
    {
        var summary = new ExportSummary(new ExportRunKey("digest", "fleet-trips", "handler", "out", "p", "d"), 0, [], dryRun: false);
        summary.Add(Batch(new UnreadableRecord(3, "", "The line is not valid JSON.")));

        Assert.Equal("line/row 3: The line is not valid JSON.", ExportOutput.UnreadableText(summary));
        Assert.Equal("", ExportOutput.UnreadableText(new ExportSummary(new ExportRunKey("digest", "t", "h", "o", "p", "d"), 0, [], dryRun: false)));
    }

    private static BatchResult Batch(params UnreadableRecord[] unreadable) => new()
    {
        Batch = 1,
        Records = unreadable.Length,
        Released = 0,
        Retained = ImmutableDictionary<RetainReason, long>.Empty,
        Unreadable = [.. unreadable],
        Before = new PersonCounts(0, 0),
        After = new PersonCounts(0, 0),
        Year = 2026,
        Categories = [],
        Committed = true,
    };
}
