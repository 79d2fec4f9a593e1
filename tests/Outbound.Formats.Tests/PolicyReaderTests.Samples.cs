using System.Text;
using System.Text.RegularExpressions;
using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests;

/// <summary>The sample policies load, pass the validator, and do what their comments say to the sample datasets.</summary>
public sealed partial class PolicyReaderTests
{
    private static readonly DeidentificationKeys SampleKeys = new(
        Encoding.UTF8.GetBytes("sample-token-key-for-tests-only-0001"),
        Convert.FromHexString("000102030405060708090A0B0C0D0E0F"));

    [Theory]
    [InlineData("strict.yaml", PolicyOutput.Anonymised)]
    [InlineData("fleet-deidentified.yaml", PolicyOutput.Deidentified)]
    [InlineData("analytics-anonymised.yaml", PolicyOutput.Anonymised)]
    public void ReadFile_Sample_LoadsAndPassesTheValidator(string fileName, PolicyOutput claimed)
    {
        PolicyReadResult result = PolicyReader.ReadFile(SamplePath(fileName));

        Assert.Empty(result.Errors);
        Assert.Equal(claimed, result.Policy!.Output);
        Assert.Empty(PolicyValidator.Validate(result.Policy));
        Assert.Equal(PolicyReader.Digest(File.ReadAllBytes(SamplePath(fileName))), result.Digest);
    }

    [Fact]
    public void FleetSample_OnVehicleTelemetry_TokenisesMasksAndCoarsensAsItSays()
    {
        var transformer = new RecordTransformer(PolicyReader.ReadFile(SamplePath("fleet-deidentified.yaml")).Policy!, SampleKeys);

        foreach (var (input, output) in TransformSample(transformer, "vehicle-telemetry.jsonl"))
        {
            string vin = Text(input, "vin");
            Assert.Equal(vin[..3] + new string('*', 14), output.Value("vin"));
            Assert.Matches(Token(), output.Value("driver_phone") ?? "00000000:00000000000000000000000000000000");
            Assert.Matches(Token(), output.Value("driver") ?? "00000000:00000000000000000000000000000000");
            AssertCoarsened(input, output, "lat");
            AssertCoarsened(input, output, "lon");
            Assert.Equal(0, long.Parse(output.Value("ts")!, System.Globalization.CultureInfo.InvariantCulture) % 60_000);
            AssertNoIdentifierLeft(input, output, except: IdentifierType.GpsCoord);
            Assert.False(output.FullyAnonymised); // de-identified: still personal information
        }
    }

    [Fact]
    public void StrictSample_OnUserAccounts_LeavesNoIdentifierAndCountsNobody()
    {
        var transformer = new RecordTransformer(PolicyReader.ReadFile(SamplePath("strict.yaml")).Policy!, SampleKeys);

        foreach (var (input, output) in TransformSample(transformer, "user-accounts.jsonl"))
        {
            AssertNoIdentifierLeft(input, output);
            Assert.True(output.FullyAnonymised);
            Assert.Empty(output.RemainingPersonalInformation);
            Assert.Null(output.Value("id_number"));
        }
    }

    [Fact]
    public void AnalyticsSample_OnUserAccounts_ReleasesOnlyClassesOfFive()
    {
        Policy policy = PolicyReader.ReadFile(SamplePath("analytics-anonymised.yaml")).Policy!;
        var transformer = new RecordTransformer(policy, SampleKeys);
        var pairs = TransformSample(transformer, "user-accounts.jsonl");

        KAnonymityResult result = new KAnonymity(policy).Apply([.. pairs.Select(pair => pair.Output)]);

        var released = result.Released.Select(i => result.Records[i]).ToList();
        Assert.NotEmpty(released);
        Assert.All(
            released.GroupBy(record => string.Join("|", policy.KAnonymity!.QuasiIdentifiers.Select(name => record.Value(name) ?? "-"))),
            group => Assert.True(group.Count() >= 5, $"A class of {group.Count()} was released."));
        Assert.All(released, record =>
        {
            Assert.True(record.FullyAnonymised);
            Assert.Equal(["id_number", "device.model", "created_at"], record.Fields.Select(field => field.Name));
        });
        Assert.InRange(released.Count, 60, 140); // about half: 200 accounts spread evenly over 31 provinces
    }

    // A located value is rounded to 3 decimals, or, when its partner is missing (a Tokyo look-alike's longitude is
    // not a mainland coordinate), labelled since GCJ-02 cannot be converted alone; an undetected value is no location.
    private static void AssertCoarsened(IReadOnlyList<FieldInput> input, TransformedRecord output, string name)
    {
        FieldInput field = input.Single(field => field.Name == name);
        if (field.Findings.IsEmpty)
        {
            Assert.Equal(Text(input, name), output.Value(name));
        }
        else if (output.Value(name) == "[GPS_COORD]")
        {
            Assert.Contains(new TransformFallback(name, IdentifierType.GpsCoord, OperatorKind.Coarsen), output.Fallbacks);
        }
        else
        {
            Assert.Matches(ThreeDecimals(), output.Value(name));
        }
    }

    private static void AssertNoIdentifierLeft(IReadOnlyList<FieldInput> input, TransformedRecord output, IdentifierType? except = null)
    {
        string released = string.Join("\n", output.Fields.Select(field => field.Value));
        foreach (FieldInput field in input)
        {
            foreach (Finding finding in field.Findings.Span)
            {
                string identifier = Encoding.UTF8.GetString(field.Value.Span.Slice(finding.Start, finding.Length));
                if (finding.Type != except && identifier.Length >= 4)
                {
                    Assert.DoesNotContain(identifier, released, StringComparison.Ordinal);
                }
            }
        }
    }

    private static string Text(IReadOnlyList<FieldInput> record, string name) =>
        Encoding.UTF8.GetString(record.Single(field => field.Name == name).Value.Span);

    private static List<(IReadOnlyList<FieldInput> Input, TransformedRecord Output)> TransformSample(RecordTransformer transformer, string dataFile)
    {
        var visitor = new ScanningVisitor();
        using (FileStream stream = File.OpenRead(DataPath(dataFile)))
        {
            new JsonLinesReader().Read(stream, visitor);
        }

        Assert.Empty(visitor.Skipped);
        Assert.NotEmpty(visitor.Records);
        return [.. visitor.Records.Select(record => ((IReadOnlyList<FieldInput>)record, transformer.Transform(record)))];
    }

    [GeneratedRegex("^[0-9a-f]{8}:[0-9a-f]{32}$")]
    private static partial Regex Token();

    [GeneratedRegex(@"^\d{1,3}\.\d{3}$")]
    private static partial Regex ThreeDecimals();

    /// <summary>Collects each record's fields with the shipped scanner's findings, as the export pipeline will hand them over.</summary>
    private sealed class ScanningVisitor : IRecordVisitor
    {
        private static readonly Scanner Scanner = RecognizerSets.Create(namesAndAddresses: true);
        private List<FieldInput> _current = [];

        public List<List<FieldInput>> Records { get; } = [];

        public List<string> Skipped { get; } = [];

        public void BeginRecord(long position) => _current = [];

        public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            string fieldName = Encoding.UTF8.GetString(name);
            byte[] bytes = value.ToArray();
            var findings = new List<Finding>();
            Scanner.Scan(bytes, new ScanContext(new DateOnly(2026, 11, 29), FieldClassifier.Classify(fieldName)), findings);
            _current.Add(new FieldInput(fieldName, bytes, findings.ToArray()));
        }

        public void EndRecord() => Records.Add(_current);

        public void Skip(long position, string field, string reason) => Skipped.Add(reason);
    }
}
