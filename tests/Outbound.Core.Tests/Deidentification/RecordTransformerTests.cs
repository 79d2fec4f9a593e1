using System.Collections.Immutable;
using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Law;

namespace Outbound.Core.Tests.Deidentification;

public sealed class RecordTransformerTests
{
    private static readonly Policy Fleet = new()
    {
        Name = "fleet",
        Output = PolicyOutput.Deidentified,
        Default = new LabelOperation(),
        Rules =
        [
            new(RuleSelector.Field("driver_phone"), new TokenOperation(), "rules[0]"),
            new(RuleSelector.OfType(IdentifierType.CnMobile), new MaskOperation(), "rules[1]"),
            new(RuleSelector.OfCategory(DataCategories.Get("identity_document")), new FpeOperation(), "rules[2]"),
            new(RuleSelector.OfType(IdentifierType.Vin), new MaskOperation(3, 0), "rules[3]"),
            new(RuleSelector.OfType(IdentifierType.CnPlate), new DropOperation(), "rules[4]"),
            new(RuleSelector.Field("fw"), new KeepOperation(), "rules[5]"),
            new(RuleSelector.Field("ts"), new BucketOperation(TimeUnit.Hour), "rules[6]"),
            new(RuleSelector.OfType(IdentifierType.PersonName), new KeepOperation(), "rules[7]"),
        ],
    };

    private static readonly RecordTransformer FleetTransformer = new(Fleet, Fields.Keys);

    [Fact]
    public void Transform_FieldRule_AppliesToTheWholeValueAndBeatsTheTypeRule()
    {
        var record = FleetTransformer.Transform([Fields.Whole("driver_phone", "13800138000", IdentifierType.CnMobile)]);

        // The token of the mobile number's canonical form, not its mask (the KeyedToken known answer).
        Assert.Equal("32916462:24000132ffc223a34cb485a99cce09b1", record.Value("driver_phone"));
    }

    [Fact]
    public void Transform_IdentifiersInText_EachGetTheirRuleAndTheTextBetweenStays()
    {
        var field = Fields.With("note", "联系电话13800138000，邮箱zhang@example.com。", (IdentifierType.CnMobile, "13800138000"), (IdentifierType.Email, "zhang@example.com"));

        var record = FleetTransformer.Transform([field]);

        Assert.Equal("联系电话138****8000，邮箱[EMAIL]。", record.Value("note")); // type rule; e-mail has no rule: the default
        Assert.Equal([IdentifierType.CnMobile], record.RemainingPersonalInformation);
        Assert.False(record.FullyAnonymised);
    }

    [Fact]
    public void Transform_CategoryRule_AppliesToTheCategorysTypes()
    {
        var record = FleetTransformer.Transform([Fields.Whole("id_number", "440305199008230275", IdentifierType.CnResidentId)]);

        string? encrypted = record.Value("id_number");
        Assert.NotNull(encrypted);
        Assert.Equal(18, encrypted.Length);
        Assert.NotEqual("440305199008230275", encrypted);
        Assert.True(new FormatPreservingEncryption(Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C"), FpeAlphabet.Digits, "CN_RESIDENT_ID").TryDecrypt(encrypted, out string? plain));
        Assert.Equal("440305199008230275", plain); // reversible in China with the key and the type's default tweak
        Assert.True(record.RemainingIsSensitive);   // an ID number is sensitive, and an encrypted one is still personal information
    }

    [Fact]
    public void Transform_DropByTypeRule_LeavesTheWholeFieldOut()
    {
        var record = FleetTransformer.Transform([Fields.Whole("plate", "粤B35359", IdentifierType.CnPlate), Fields.Plain("speed", "96.3")]);

        Assert.Equal(["speed"], record.Fields.Select(field => field.Name));
        Assert.True(record.FullyAnonymised);
    }

    // The pipeline's allocation-free path: each field's output at its own index, a dropped one empty, the rest as Transform gives.
    [Fact]
    public void TransformInto_DroppedFieldInTheMiddle_LeavesItsIndexEmptyAndTheRestAsTransform()
    {
        FieldInput[] fields =
        [
            Fields.Whole("driver_phone", "13800138000", IdentifierType.CnMobile),
            Fields.Whole("plate", "粤B35359", IdentifierType.CnPlate),
            Fields.Plain("speed", "96.3"),
            Fields.With("note", "联系电话13800138000。", (IdentifierType.CnMobile, "13800138000")),
        ];
        var output = new OutputField[fields.Length + 2];

        var summary = FleetTransformer.TransformInto(fields, output);
        var record = FleetTransformer.Transform(fields);

        Assert.Null(output[1].Name);
        Assert.Equal(record.Fields, [output[0], output[2], output[3]]);
        Assert.Equal(record.RemainingPersonalInformation, summary.RemainingPersonalInformation);
        Assert.Equal(record.RemainingIsSensitive, summary.RemainingIsSensitive);
        Assert.Equal(record.FullyAnonymised, summary.FullyAnonymised);
        Assert.Throws<ArgumentException>(() => FleetTransformer.TransformInto(fields, new OutputField[fields.Length - 1]));
    }

    // Plans kept by the caller for a layout give what looking the names up gives; plans of another layout apply theirs.
    [Fact]
    public void TransformInto_PlansGiven_TheyDecideEachFieldsRule()
    {
        FieldInput[] fields =
        [
            Fields.Whole("driver_phone", "13800138000", IdentifierType.CnMobile),
            Fields.Plain("ts", "1754114446281"),
            Fields.Plain("fw", "4.2.1"),
        ];
        var looked = new OutputField[fields.Length];
        var given = new OutputField[fields.Length];
        var swapped = new OutputField[fields.Length];

        FleetTransformer.TransformInto(fields, looked);
        FleetTransformer.TransformInto(fields, given, [.. fields.Select(field => FleetTransformer.PlanOf(field.Name))], null);
        FleetTransformer.TransformInto(fields, swapped, [FleetTransformer.PlanOf("phone"), FleetTransformer.PlanOf("ts"), FleetTransformer.PlanOf("fw")], null);

        Assert.Equal(looked, given);
        Assert.Equal("32916462:24000132ffc223a34cb485a99cce09b1", given[0].Value);
        Assert.Equal("1754114400000", given[1].Value);
        Assert.Equal("138****8000", swapped[0].Value); // no field rule for "phone": the mobile's type rule
        Assert.Throws<ArgumentException>(() => FleetTransformer.TransformInto(fields, given, [FleetTransformer.PlanOf("ts")], null));
    }

    // Rewritten values written in the caller's buffer instead of strings: the same output, each a slice of the buffer,
    // and an empty rewrite (a redaction to nothing) still a rewrite, not the value as it was.
    [Fact]
    public void TransformInto_ValuesInABuffer_GivesWhatStringsGive()
    {
        var policy = Fleet with
        {
            Rules =
            [
                new(RuleSelector.Field("note"), new RedactOperation(), "rules[0]"),
                new(RuleSelector.OfType(IdentifierType.CnMobile), new MaskOperation(), "rules[1]"),
            ],
        };
        var transformer = new RecordTransformer(policy, Fields.Keys);
        FieldInput[] fields =
        [
            Fields.Whole("phone", "13800138000", IdentifierType.CnMobile),
            Fields.Plain("note", "call 13800138000"),
            Fields.Plain("fw", "4.2.1"),
        ];
        var strings = new OutputField[fields.Length];
        var inBuffer = new OutputField[fields.Length];
        var buffer = new System.Buffers.ArrayBufferWriter<char>();

        transformer.TransformInto(fields, strings, [.. fields.Select(field => transformer.PlanOf(field.Name))], null);
        transformer.TransformInto(fields, inBuffer, [.. fields.Select(field => transformer.PlanOf(field.Name))], buffer);

        Assert.Equal(strings, inBuffer);
        Assert.Equal("138****8000", inBuffer[0].Text.ToString());
        Assert.Equal(string.Empty, inBuffer[1].Value);
        Assert.True(inBuffer[1].Changed);
        Assert.Equal("4.2.1", inBuffer[2].Value);
        Assert.Equal("138****8000", buffer.WrittenSpan.ToString());
    }

    [Fact]
    public void Transform_KeepFieldRule_ReleasesRawAndReportsTheTypeAsRemaining()
    {
        var record = FleetTransformer.Transform([Fields.Whole("fw", "13800138000", IdentifierType.CnMobile)]);

        Assert.Equal(new OutputField("fw", "13800138000", false), record.Fields.Single());
        Assert.Equal([IdentifierType.CnMobile], record.RemainingPersonalInformation);
        Assert.False(record.RemainingIsSensitive);
    }

    [Fact]
    public void Transform_FieldWithoutIdentifiersOrRule_IsCopiedUnchanged() =>
        Assert.Equal(new OutputField("speed", "96.3", false), FleetTransformer.Transform([Fields.Plain("speed", "96.3")]).Fields.Single());

    [Fact]
    public void Transform_FieldRuleOnUndetectedValue_StillApplies() =>
        Assert.Equal("2026-05-17 09:00:00", FleetTransformer.Transform([Fields.Plain("ts", "2026-05-17 09:27:47")]).Value("ts"));

    [Fact]
    public void Transform_OperatorCannotReadTheValue_WritesTheLabelAndReportsAFallback()
    {
        var record = FleetTransformer.Transform([Fields.Plain("ts", "soon")]);

        Assert.Equal("[REDACTED]", record.Value("ts"));
        Assert.Equal([new TransformFallback("ts", null, OperatorKind.Bucket)], record.Fallbacks);
    }

    [Fact]
    public void Transform_MinorUnder14_MakesAnyRemainingInformationSensitive()
    {
        var policy = Fleet with { Rules = [new(RuleSelector.OfType(IdentifierType.CnResidentId), new DropOperation(), "rules[0]"), .. Fleet.Rules] };
        var transformer = new RecordTransformer(policy, Fields.Keys);

        var record = transformer.Transform(
        [
            Fields.Whole("id_number", "440305201808230271", IdentifierType.CnResidentId, FindingTraits.MinorUnder14),
            Fields.Whole("name", "唐博", IdentifierType.PersonName),
        ]);

        Assert.Equal([IdentifierType.PersonName], record.RemainingPersonalInformation);
        Assert.True(record.RemainingIsSensitive); // a name is not sensitive, but a child's is (PIPL Art. 28)
    }

    [Fact]
    public void Transform_NothingRemaining_IsNotSensitiveEvenForAMinor()
    {
        var record = FleetTransformer.Transform([Fields.Whole("plate", "粤B35359", IdentifierType.CnPlate, FindingTraits.MinorUnder14)]);

        Assert.Empty(record.RemainingPersonalInformation);
        Assert.False(record.RemainingIsSensitive);
    }

    [Fact]
    public void Transform_OneNumberWrittenTwoWays_GetsOneToken()
    {
        var record = FleetTransformer.Transform([Fields.Whole("driver_phone", "+86 138-0013-8000", IdentifierType.CnMobile)]);
        var other = FleetTransformer.Transform([Fields.Whole("driver_phone", "13800138000", IdentifierType.CnMobile)]);

        Assert.Equal(other.Value("driver_phone"), record.Value("driver_phone"));
    }

    [Fact]
    public void Transform_Gcj02LatitudeAndLongitudeFields_ArePairedAndConverted()
    {
        var policy = new Policy
        {
            Name = "gcj",
            Output = PolicyOutput.Anonymised,
            Rules = [new(RuleSelector.OfType(IdentifierType.GpsCoord), new CoarsenOperation(4, null, GeodeticDatum.Gcj02), "rules[0]")],
        } with { Output = PolicyOutput.Deidentified };
        var transformer = new RecordTransformer(policy, Fields.Keys);

        // The published Shanghai point in GCJ-02; in WGS-84 it is 31.1774276, 121.5272106.
        var record = transformer.Transform(
        [
            Fields.Whole("gps.lat", "31.17530398364597", IdentifierType.GpsCoord),
            Fields.Plain("speed", "40"),
            Fields.Whole("gps.lng", "121.531541859215", IdentifierType.GpsCoord),
        ]);

        Assert.Equal(("31.1774", "121.5272"), (record.Value("gps.lat"), record.Value("gps.lng")));
        Assert.Empty(record.Fallbacks);
    }

    [Fact]
    public void Transform_FieldRulesForLatitudeAndLongitude_ArePairedWhenTheyCoarsenAlike()
    {
        var policy = new Policy
        {
            Name = "gcj-fields",
            Output = PolicyOutput.Deidentified,
            Rules =
            [
                new(RuleSelector.Field("lat"), new CoarsenOperation(4, null, GeodeticDatum.Gcj02), "rules[0]"),
                new(RuleSelector.Field("lon"), new CoarsenOperation(4, null, GeodeticDatum.Gcj02), "rules[1]"),
            ],
        };

        var record = new RecordTransformer(policy, Fields.Keys).Transform([Fields.Plain("lat", "31.17530398364597"), Fields.Plain("lon", "121.531541859215")]);

        Assert.Equal(("31.1774", "121.5272"), (record.Value("lat"), record.Value("lon")));
    }

    [Fact]
    public void Transform_Gcj02LatitudeWithoutLongitude_IsLabelledNotReleasedUnconverted()
    {
        var policy = new Policy
        {
            Name = "gcj",
            Output = PolicyOutput.Deidentified,
            Rules = [new(RuleSelector.OfType(IdentifierType.GpsCoord), new CoarsenOperation(2, null, GeodeticDatum.Gcj02), "rules[0]")],
        };

        var record = new RecordTransformer(policy, Fields.Keys).Transform([Fields.Whole("lat", "31.17530398364597", IdentifierType.GpsCoord)]);

        Assert.Equal("[GPS_COORD]", record.Value("lat"));
        Assert.Equal([new TransformFallback("lat", IdentifierType.GpsCoord, OperatorKind.Coarsen)], record.Fallbacks);
    }

    [Fact]
    public void Transform_GridOnTwoPairsOfFields_PairsThemByName()
    {
        var policy = new Policy
        {
            Name = "grid",
            Output = PolicyOutput.Deidentified,
            Rules = [new(RuleSelector.OfType(IdentifierType.GpsCoord), new CoarsenOperation(null, 1000), "rules[0]")],
        };
        var grid = LocationCoarsening.ToGrid(1000);

        var record = new RecordTransformer(policy, Fields.Keys).Transform(
        [
            Fields.Whole("start_lat", "36.644591", IdentifierType.GpsCoord),
            Fields.Whole("end_lat", "22.545542", IdentifierType.GpsCoord),
            Fields.Whole("end_lon", "114.051800", IdentifierType.GpsCoord),
            Fields.Whole("start_lon", "117.113161", IdentifierType.GpsCoord),
        ]);

        Assert.Equal(grid.Apply("36.644591,117.113161"), $"{record.Value("start_lat")},{record.Value("start_lon")}");
        Assert.Equal(grid.Apply("22.545542,114.051800"), $"{record.Value("end_lat")},{record.Value("end_lon")}");
    }

    [Fact]
    public void Transform_FromManyThreads_GivesTheSameRecords()
    {
        FieldInput[] fields =
        [
            Fields.Whole("driver_phone", "13800138000", IdentifierType.CnMobile),
            Fields.Whole("vin", "LVS1YUVE5TE184838", IdentifierType.Vin),
            Fields.Whole("id_number", "440305199008230275", IdentifierType.CnResidentId),
        ];
        ImmutableArray<OutputField> expected = FleetTransformer.Transform(fields).Fields;

        var results = new ImmutableArray<OutputField>[200];
        Parallel.For(0, results.Length, i => results[i] = FleetTransformer.Transform(fields).Fields);

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void Transform_FindingOutsideTheValue_Throws()
    {
        var field = new FieldInput("vin", "LVS1YU"u8.ToArray(), new[] { new Finding(IdentifierType.Vin, 0, 17, 1f) });

        var error = Assert.Throws<ArgumentException>(() => FleetTransformer.Transform([field]));

        Assert.StartsWith("Field 0 has a finding at bytes 0–17, outside its value of 6 bytes.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidPolicy_ThrowsWithEveryProblem()
    {
        var policy = new Policy
        {
            Name = "bad",
            Output = PolicyOutput.Anonymised,
            Rules = [new(RuleSelector.Field("driver_phone"), new TokenOperation(), "rules[0]")],
            Default = new KeepOperation(),
        };

        var error = Assert.Throws<ArgumentException>(() => new RecordTransformer(policy, Fields.Keys));

        Assert.StartsWith("The policy 'bad' is invalid. default: The default applies keep to", error.Message, StringComparison.Ordinal);
        Assert.Contains("rules[0]: The rule (field driver_phone) applies token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TokenisingWithoutTokenKey_Throws()
    {
        var keys = new DeidentificationKeys([], Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C"));

        var error = Assert.Throws<ArgumentException>(() => new RecordTransformer(Fleet, keys));

        Assert.StartsWith("The policy 'fleet' tokenises, and no token key was given.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(31, 16)]  // token key too short
    [InlineData(32, 20)]  // not an AES key length
    public void DeidentificationKeys_WrongLengths_Throw(int tokenBytes, int fpeBytes) =>
        Assert.Throws<ArgumentException>(() => new DeidentificationKeys(new byte[tokenBytes], new byte[fpeBytes]));

    [Fact]
    public void Transform_ScannedUserAccount_LeavesNoIdentifierItsPolicyDoesNotAllow()
    {
        var policy = new Policy
        {
            Name = "accounts",
            Output = PolicyOutput.Deidentified,
            Default = new LabelOperation(),
            Rules =
            [
                new(RuleSelector.OfType(IdentifierType.CnMobile), new TokenOperation(), "rules[0]"),
                new(RuleSelector.OfType(IdentifierType.Address), new GeneraliseOperation(GeneraliseLevel.City), "rules[1]"),
            ],
        };

        var record = new RecordTransformer(policy, Fields.Keys).Transform(
        [
            Fields.Scanned("uid", "U1349900389"),
            Fields.Scanned("name", "黄敏睿"),
            Fields.Scanned("phone", "17881551222"),
            Fields.Scanned("id_number", "320506196308256406"),
            Fields.Scanned("address", "江苏省苏州市姑苏区新华路671号万象城25栋1单元2704室"),
            Fields.Scanned("device.mac", "3C:22:FB:A7:1B:2F"),
        ]);

        Assert.Equal("U1349900389", record.Value("uid"));
        Assert.Equal("[PERSON_NAME]", record.Value("name"));
        Assert.StartsWith("32916462:", record.Value("phone"), StringComparison.Ordinal);
        Assert.Equal("[CN_RESIDENT_ID]", record.Value("id_number"));
        Assert.Equal("江苏省苏州市", record.Value("address"));
        Assert.Equal("[MAC_ADDRESS]", record.Value("device.mac"));
        Assert.Equal([IdentifierType.CnMobile, IdentifierType.Address], record.RemainingPersonalInformation); // no k-anonymity: a city is still personal information
    }
}
