using System.Text;
using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Formats.Tests;

/// <summary>Valid policy files and what they read as.</summary>
public sealed partial class PolicyReaderTests
{
    private const string FullPolicy = """
        policy: fleet-telemetry
        output: deidentified        # or anonymised
        k_anonymity: { k: 7, quasi_identifiers: [city, age_band], on_small_class: retain }
        default: { op: redact, with: "***" }
        rules:
          - type: CN_RESIDENT_ID
            op: generalise
            to: region_and_birth_year
            coarser: [province_and_birth_year, province]
          - field: driver.phone
            op: token
          - type: GPS_COORD
            op: coarsen
            decimals: 3
            datum: gcj02
            coarser: [2, 1]
          - type: VIN
            op: mask
            keep_first: 3     # WMI, the manufacturer part
            keep_last: 0
          - category: bank_account
            op: fpe
            radix: 36
            tweak: cards
          - field: age
            op: generalise
            to: age_band
            width: 5
            coarser: [10, 20]
          - field: ts
            op: bucket
            to: hour
            offset: "+00:00"
            coarser: [day]
          - field: "*.grid"
            op: coarsen
            cell_metres: 500
          - field: notes
            op: label
          - field: fw
            op: keep
          - field: secret
            op: drop
        """;

    [Fact]
    public void Read_FullPolicy_ReadsEveryPart()
    {
        Policy policy = ReadValid(FullPolicy);

        Assert.Equal(("fleet-telemetry", PolicyOutput.Deidentified, Source), (policy.Name, policy.Output, policy.Source));
        Assert.Equal((7, SmallClassAction.Retain), (policy.KAnonymity!.K, policy.KAnonymity.OnSmallClass));
        Assert.Equal(["city", "age_band"], policy.KAnonymity.QuasiIdentifiers);
        Assert.Equal(new RedactOperation("***"), policy.Default);
        Assert.Equal(
            ["type CN_RESIDENT_ID", "field driver.phone", "type GPS_COORD", "type VIN", "category bank_account", "field age", "field ts", "field *.grid", "field notes", "field fw", "field secret"],
            policy.Rules.Select(rule => rule.Selector.ToString()));
        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"rules[{i}]"), policy.Rules.Select(rule => rule.Name));

        var id = Assert.IsType<GeneraliseOperation>(policy.Rules[0].Operation);
        Assert.Equal(GeneraliseLevel.RegionAndBirthYear, id.To);
        Assert.Equal([GeneraliseLevel.ProvinceAndBirthYear, GeneraliseLevel.Province], id.Coarser.Select(next => next.To));
        Assert.IsType<TokenOperation>(policy.Rules[1].Operation);
        var gps = Assert.IsType<CoarsenOperation>(policy.Rules[2].Operation);
        Assert.Equal((3, (int?)null, GeodeticDatum.Gcj02), (gps.Decimals, gps.CellMetres, gps.Datum));
        Assert.Equal([2, 1], gps.Coarser.Select(next => next.Decimals!.Value));
        Assert.Equal(new MaskOperation(3, 0), policy.Rules[3].Operation);
        Assert.Equal(new FpeOperation(FpeAlphabet.UpperAlphanumeric, "cards"), policy.Rules[4].Operation);
        var age = Assert.IsType<GeneraliseOperation>(policy.Rules[5].Operation);
        Assert.Equal((GeneraliseLevel.AgeBand, 5), (age.To, age.BandWidth));
        Assert.Equal([10, 20], age.Coarser.Select(next => next.BandWidth));
        var ts = Assert.IsType<BucketOperation>(policy.Rules[6].Operation);
        Assert.Equal((TimeUnit.Hour, (TimeSpan?)TimeSpan.Zero), (ts.To, ts.EpochOffset));
        Assert.Equal([TimeUnit.Day], ts.Coarser);
        var grid = Assert.IsType<CoarsenOperation>(policy.Rules[7].Operation);
        Assert.Equal(((int?)null, (int?)500, GeodeticDatum.Wgs84, 0), (grid.Decimals, grid.CellMetres, grid.Datum, grid.Coarser.Length));
        Assert.IsType<LabelOperation>(policy.Rules[8].Operation);
        Assert.IsType<KeepOperation>(policy.Rules[9].Operation);
        Assert.IsType<DropOperation>(policy.Rules[10].Operation);
    }

    [Fact]
    public void Read_Minimal_UsesTheDefaults()
    {
        Policy policy = ReadValid("policy: p\noutput: deidentified\n");

        Assert.Null(policy.KAnonymity);
        Assert.IsType<LabelOperation>(policy.Default);
        Assert.Empty(policy.Rules);
    }

    [Fact]
    public void Read_KAnonymityDefaults_AreFiveAndGeneralise()
    {
        Policy policy = ReadValid("policy: p\noutput: deidentified\nk_anonymity: {quasi_identifiers: [city]}\n");

        Assert.Equal((5, SmallClassAction.Generalise), (policy.KAnonymity!.K, policy.KAnonymity.OnSmallClass));
    }

    [Fact]
    public void Read_MaskDefaults_AreTheTypesShape() =>
        Assert.Equal(new MaskOperation(), ReadValid("policy: p\noutput: deidentified\nrules:\n  - type: CN_MOBILE\n    op: mask\n").Rules[0].Operation);

    [Fact]
    public void Read_Json_ReadsTheSameSchema()
    {
        Policy policy = ReadValid("""
            {"policy": "p", "output": "anonymised",
             "rules": [{"type": "CN_MOBILE", "op": "drop"}, {"field": "*.phone", "op": "redact", "with": ""}]}
            """, "policy.json");

        Assert.Equal(PolicyOutput.Anonymised, policy.Output);
        Assert.Equal(new RedactOperation(""), policy.Rules[1].Operation);
        Assert.Equal(IdentifierType.CnMobile, policy.Rules[0].Selector.Type);
    }

    // Computed independently: printf 'policy: p\noutput: deidentified\n' | sha256sum
    [Fact]
    public void Read_Digest_IsSha256OfTheFileBytes() =>
        Assert.Equal("bc1d977fe633c0c6b75f671856308fd66b8499258b36738876dda30a384a09f1", PolicyReader.Read("policy: p\noutput: deidentified\n", Source).Digest);

    [Fact]
    public void Read_OneByteChanged_ChangesTheDigest()
    {
        string first = PolicyReader.Read("policy: p\noutput: deidentified\n", Source).Digest;
        string second = PolicyReader.Read("policy: q\noutput: deidentified\n", Source).Digest;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Read_FileWithErrors_StillHasItsDigest()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("policy: p\n");

        PolicyReadResult result = PolicyReader.Read(bytes, Source);

        Assert.Null(result.Policy);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), result.Digest);
    }

    [Fact]
    public void Read_ByteOrderMark_IsPartOfTheDigestButNotOfThePolicy()
    {
        byte[] plain = Encoding.UTF8.GetBytes("policy: p\noutput: deidentified\n");
        byte[] marked = [0xEF, 0xBB, 0xBF, .. plain];

        PolicyReadResult result = PolicyReader.Read(marked, Source);

        Assert.Equal("p", result.Policy!.Name);
        Assert.NotEqual(PolicyReader.Read(plain, Source).Digest, result.Digest);
    }
}
