using System.Globalization;
using System.Runtime.CompilerServices;
using Outbound.Testing.Synthetic;

namespace Outbound.Accuracy.Tests;

/// <summary>Checks the hand-labelled files under tests/Outbound.Core.Tests/Detection/Data with the harness's own rules.</summary>
public sealed class LabelledDataTests
{
    public static TheoryData<string> Files() => ["published-vectors.jsonl", "sentences.jsonl"];

    [Theory]
    [MemberData(nameof(Files))]
    public void File_Spans_AreKnownTypesInsideTheTextWithoutOverlap(string name)
    {
        foreach (var record in Read(name))
        {
            int end = 0;
            foreach (var span in record.Spans.OrderBy(span => span.Start))
            {
                Assert.True(span.Start >= end, $"{record.Id}: [{span.Start},{span.End}) overlaps the span before it");
                Assert.True(span.IsLookAlike ? span.Decoy is not null : WireTypes.All.Contains(span.Type), $"{record.Id}: type {span.Type}");
                Assert.False(char.IsWhiteSpace(record.Text[span.Start]) || char.IsWhiteSpace(record.Text[span.End - 1]), $"{record.Id}: span starts or ends with a space");
                end = span.End;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_Ids_AreUnique(string name)
    {
        var ids = Read(name).Select(record => record.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_CheckedIdentifiers_PassTheirChecksAndLookAlikesFailThem(string name)
    {
        foreach (var record in Read(name))
        {
            foreach (var span in record.Spans)
            {
                string value = record.Text[span.Start..span.End];
                string why = $"{record.Id}: {span.Type} '{value}'";
                bool? valid = Check(span.IsLookAlike ? span.Decoy! : span.Type, value);
                if (valid is { } result)
                {
                    Assert.True(result != span.IsLookAlike, why);
                }
            }
        }
    }

    [Fact]
    public void Sentences_HoldAboutOneHundredAndFiftyRecordsCoveringEveryType()
    {
        var records = Read("sentences.jsonl");
        var types = records.SelectMany(record => record.Spans).Select(span => span.Type).ToHashSet(StringComparer.Ordinal);

        Assert.InRange(records.Count, 140, 200);
        Assert.All(WireTypes.All, type => Assert.Contains(type, types));
    }

    [Fact]
    public void PublishedVectors_CoverEveryValidatedType()
    {
        var types = Read("published-vectors.jsonl").SelectMany(record => record.Spans).Select(span => span.Type).ToHashSet(StringComparer.Ordinal);

        Assert.All(Scorer.ValidatedTypes, type => Assert.Contains(type, types));
    }

    /// <summary>True or false for types with a check the harness can apply; null otherwise.</summary>
    private static bool? Check(string type, string value)
    {
        string digits = new([.. value.Where(char.IsAsciiDigit)]);
        return type switch
        {
            WireTypes.ResidentId or DecoyKinds.OrderNumber => SyntheticChecksums.IsPlausibleResidentId(value),
            WireTypes.BankCard or DecoyKinds.LuhnFailing => SyntheticChecksums.IsLuhnValid(value),
            WireTypes.Imei => SyntheticChecksums.IsLuhnValid(value) && value.Length == 15,
            WireTypes.Uscc or DecoyKinds.BadUscc => SyntheticChecksums.IsUsccValid(value),
            WireTypes.Vin or DecoyKinds.PartNumber => SyntheticChecksums.IsVinValid(value),
            WireTypes.Mobile => MobileDigits(digits) is { } mobile && SyntheticTables.MobilePrefixes.Contains(mobile[..3]),
            DecoyKinds.UnallocatedMobile => digits.Length == 11 && SyntheticTables.MobilePrefixes.Contains(digits[..3]),
            WireTypes.GpsCoord => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                ? number is (> 18 and < 54) or (> 73 and < 136)
                : null,
            _ => null,
        };
    }

    private static string? MobileDigits(string digits) => digits.Length switch
    {
        11 => digits,
        13 when digits.StartsWith("86", StringComparison.Ordinal) => digits[2..],
        15 when digits.StartsWith("0086", StringComparison.Ordinal) => digits[4..],
        _ => null,
    };

    private static IReadOnlyList<GoldRecord> Read(string name, [CallerFilePath] string here = "") =>
        CorpusReader.ReadGoldFile(Path.Combine(Path.GetDirectoryName(here)!, "..", "Outbound.Core.Tests", "Detection", "Data", name));
}
