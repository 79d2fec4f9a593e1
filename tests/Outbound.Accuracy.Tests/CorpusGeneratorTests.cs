using System.Globalization;
using Outbound.Testing.Synthetic;

namespace Outbound.Accuracy.Tests;

public sealed class CorpusGeneratorTests
{
    private static readonly IReadOnlyList<LabelledRecord> Corpus = [.. new CorpusGenerator(seed: 7).Records(3_000)];

    [Fact]
    public void Records_SameSeed_SameLines()
    {
        string[] first = [.. new CorpusGenerator(42).Records(200).Select(CorpusJson.ToJsonLine)];
        string[] second = [.. new CorpusGenerator(42).Records(200).Select(CorpusJson.ToJsonLine)];

        Assert.Equal(first, second);
    }

    [Fact]
    public void Records_DifferentSeeds_DifferentLines()
    {
        string first = string.Join('\n', new CorpusGenerator(1).Records(20).Select(CorpusJson.ToJsonLine));
        string second = string.Join('\n', new CorpusGenerator(2).Records(20).Select(CorpusJson.ToJsonLine));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Records_EveryKindAndTypeAndLookAlike_Occurs()
    {
        var types = Corpus.SelectMany(record => record.Spans).Select(span => span.Decoy ?? span.Type).ToHashSet(StringComparer.Ordinal);

        Assert.All(WireTypes.All, type => Assert.Contains(type, types));
        Assert.All(
            [DecoyKinds.OrderNumber, DecoyKinds.UnallocatedMobile, DecoyKinds.EpochMilliseconds, DecoyKinds.HexHash, DecoyKinds.FirmwareVersion,
             DecoyKinds.PartNumber, DecoyKinds.ForeignCoordinate, DecoyKinds.BadUscc, DecoyKinds.LuhnFailing],
            kind => Assert.Contains(kind, types));
        Assert.Equal(["acct", "ord", "tel", "txt"], Corpus.Select(record => record.Id[..record.Id.IndexOf('-', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Records_Spans_AreOrderedInsideTheTextAndNeverOverlap()
    {
        foreach (var record in Corpus)
        {
            int end = 0;
            foreach (var span in record.Spans)
            {
                Assert.True(span.Start >= end && span.End > span.Start && span.End <= record.Text.Length, $"{record.Id} [{span.Start},{span.End})");
                end = span.End;
            }

            Assert.DoesNotContain('\n', record.Text);
        }
    }

    [Fact]
    public void Records_LabelledValues_ValidateWithTheirOwnRules()
    {
        foreach (var (record, span, value) in Labelled())
        {
            string why = $"{record.Id}: {span.Type} '{value}'";
            switch (span.Type)
            {
                case WireTypes.ResidentId:
                    Assert.True(SyntheticChecksums.IsPlausibleResidentId(value), why);
                    break;
                case WireTypes.BankCard:
                    Assert.True(SyntheticChecksums.IsLuhnValid(value) && value.Length is >= 16 and <= 19, why);
                    break;
                case WireTypes.Uscc:
                    Assert.True(SyntheticChecksums.IsUsccValid(value), why);
                    break;
                case WireTypes.Vin:
                    Assert.True(SyntheticChecksums.IsVinValid(value), why);
                    break;
                case WireTypes.Imei:
                    Assert.True(value.Length == 15 && SyntheticChecksums.IsLuhnValid(value), why);
                    break;
                case WireTypes.Mobile:
                    string digits = new([.. value.Where(char.IsAsciiDigit)]);
                    digits = digits.Length == 13 ? digits[2..] : digits.Length == 15 ? digits[4..] : digits;
                    Assert.True(digits.Length == 11 && SyntheticTables.MobilePrefixes.Contains(digits[..3]), why);
                    break;
                case WireTypes.GpsCoord:
                    double number = double.Parse(value, CultureInfo.InvariantCulture);
                    Assert.True(number is (> 18 and < 54) or (> 73 and < 136), why);
                    break;
                case WireTypes.Plate:
                    Assert.Contains(value[0], SyntheticTables.PlateProvinces);
                    Assert.True(value.Replace("·", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Length is 7 or 8, why);
                    break;
                case WireTypes.Passport:
                    Assert.Matches("^E[0-9]{8}$", value);
                    break;
                case WireTypes.HmtPermit:
                    Assert.Matches("^C[0-9]{8}$", value);
                    break;
                case WireTypes.MacAddress:
                    Assert.Matches("^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$", value);
                    break;
                case WireTypes.Email:
                    Assert.Matches("^[A-Za-z0-9._]+@[a-z0-9.-]+\\.[a-z]{2,}$", value);
                    break;
                default:
                    break;
            }
        }
    }

    [Fact]
    public void Records_LookAlikes_FailTheRulesTheyImitate()
    {
        foreach (var record in Corpus)
        {
            foreach (var span in record.Spans.Where(span => span.Type == WireTypes.None))
            {
                string value = record.Text[span.Start..span.End];
                string why = $"{record.Id}: {span.Decoy} '{value}'";
                bool fails = span.Decoy switch
                {
                    DecoyKinds.OrderNumber => value.Length == 18 && !IdentifierFaker.IsAmbiguousDigits(value),
                    DecoyKinds.UnallocatedMobile => value.Length == 11 && !SyntheticTables.MobilePrefixes.Contains(value[..3]),
                    DecoyKinds.EpochMilliseconds => value.Length == 13 && SyntheticChecksums.IsDigits(value),
                    DecoyKinds.HexHash => value.Length is 32 or 40 or 64,
                    DecoyKinds.FirmwareVersion => value.StartsWith('v') || value.Split('.').Any(part => int.Parse(part, CultureInfo.InvariantCulture) > 255),
                    DecoyKinds.PartNumber => value.Length == 17 && !SyntheticChecksums.IsVinValid(value),
                    DecoyKinds.ForeignCoordinate => true,
                    DecoyKinds.BadUscc => value.Length == 18 && !SyntheticChecksums.IsUsccValid(value),
                    DecoyKinds.LuhnFailing => value.Length == 16 && !SyntheticChecksums.IsLuhnValid(value),
                    _ => false,
                };
                Assert.True(fails, why);
            }
        }
    }

    [Fact]
    public void Records_EveryValidatingDigitRun_IsLabelled()
    {
        // Digit runs standing alone (not glued to ASCII letters or digits): any that validates as an ID, a card, a
        // mobile number or an IMEI must lie inside a labelled span, or the gold data would punish a right answer.
        foreach (var record in Corpus)
        {
            string text = record.Text;
            for (int i = 0; i < text.Length;)
            {
                if (!char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }

                string run = text[start..i];
                if (!SyntheticChecksums.IsDigits(run.TrimEnd('X')) || (start > 0 && text[start - 1] == '.') || (i < text.Length && text[i] == '.'))
                {
                    continue;
                }

                bool validates = SyntheticChecksums.IsPlausibleResidentId(run)
                    || (run.Length is >= 16 and <= 19 && SyntheticChecksums.IsLuhnValid(run) && run[0] is '4' or '5' or '6')
                    || (run.Length == 11 && SyntheticTables.MobilePrefixes.Contains(run[..3]))
                    || (run.Length == 15 && SyntheticChecksums.IsLuhnValid(run));
                bool labelled = record.Spans.Any(span => span.Type != WireTypes.None && span.Start <= start && span.End >= i);
                Assert.True(!validates || labelled, $"{record.Id}: unlabelled '{run}' at {start}");
            }
        }
    }

    [Fact]
    public void Records_SomeResidentIds_BelongToMinorsUnder14()
    {
        var minors = Labelled()
            .Where(item => item.Span.Type == WireTypes.ResidentId && item.Value.Length == 18)
            .Select(item => DateOnly.ParseExact(item.Value[6..14], "yyyyMMdd", CultureInfo.InvariantCulture))
            .Count(birth => birth.AddYears(14) > SyntheticTables.ReferenceDate);

        Assert.InRange(minors, 20, 400);
    }

    [Fact]
    public void Telemetry_RawLines_AreJsonObjects()
    {
        var generator = new CorpusGenerator(3);
        foreach (var record in generator.Records(100, RecordKinds.Telemetry))
        {
            using var document = System.Text.Json.JsonDocument.Parse(record.Text);
            Assert.True(document.RootElement.TryGetProperty("vin", out _));
        }
    }

    [Fact]
    public void ToJsonLine_Record_KeepsChineseReadableAndOffsetsIntoTheText()
    {
        var record = new LabelledRecord("txt-1", "客户\"张伟\"", [new LabelledSpan(3, 5, WireTypes.PersonName)]);

        string line = CorpusJson.ToJsonLine(record);

        Assert.Equal("""{"id":"txt-1","text":"客户\"张伟\"","spans":[{"start":3,"end":5,"type":"PERSON_NAME"}]}""", line);
    }

    private static IEnumerable<(LabelledRecord Record, LabelledSpan Span, string Value)> Labelled() =>
        from record in Corpus
        from span in record.Spans
        where span.Type != WireTypes.None
        select (record, span, record.Text[span.Start..span.End]);
}
