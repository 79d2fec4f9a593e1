using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Core.Tests.Deidentification;

/// <summary>
/// Operators that rewrite a value's UTF-8 bytes as they are (<see cref="Transform.TryApplyUtf8"/>): whatever they
/// take, they give exactly what their characters' way gives, encoded; the usual forms of the export's values are
/// taken; the rest is left to the characters' way.
/// </summary>
public sealed class Utf8RewriteTests
{
    private static readonly byte[] TokenKey = Encoding.UTF8.GetBytes("outbound-token-known-answer-key-0001");

    private static readonly Transform[] Operators =
    [
        Mask.ForType(IdentifierType.Vin),
        Mask.ForType(IdentifierType.CnPlate),
        Mask.ForType(IdentifierType.CnMobile),
        Mask.ForType(IdentifierType.BankCard),
        Mask.ForType(IdentifierType.CnResidentId),
        Mask.ForType(null, 2, 2, '×'),
        LocationCoarsening.ToDecimals(0),
        LocationCoarsening.ToDecimals(2),
        LocationCoarsening.ToDecimals(6),
        LocationCoarsening.ToDecimals(2, GeodeticDatum.Gcj02),
        LocationCoarsening.ToGrid(1000),
        new TimeBucket(TimeUnit.Minute),
        new TimeBucket(TimeUnit.Hour),
        new TimeBucket(TimeUnit.Day),
        new TimeBucket(TimeUnit.Month, TimeSpan.Zero),
        new TimeBucket(TimeUnit.Year),
        new KeyedToken(TokenKey, IdentifierType.CnMobile),
        new KeyedToken(TokenKey, IdentifierType.PersonName),
        new KeyedToken(TokenKey, null),
    ];

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 3_000)]
    public bool TryApplyUtf8_WhateverItTakes_GivesWhatTheCharactersWayGives(Value value, OperatorIndex index) =>
        SameAsCharacters(Operators[index.Index], value.Text);

    [Theory]
    [InlineData(IdentifierType.Vin, "LVS1YUVE5TE184838", "LVS**************")]
    [InlineData(IdentifierType.CnPlate, "鲁A430U0", "鲁*****0")]
    [InlineData(IdentifierType.CnPlate, "粤BD12345", "粤******5")]
    [InlineData(IdentifierType.CnMobile, "8613800138000", "86138****8000")]
    [InlineData(IdentifierType.BankCard, "6222021234567890123", "622202*********0123")]
    public void Mask_SignificantCharactersOnly_TakenInUtf8(IdentifierType type, string value, string expected) =>
        Assert.Equal(expected, Utf8(Mask.ForType(type), value));

    [Theory]
    [InlineData("36.644591", 2, "36.64")]
    [InlineData("117.115", 2, "117.12")]    // half-way, as written: away from zero
    [InlineData("29.999", 2, "30.00")]
    [InlineData("121", 3, "121.000")]
    [InlineData("0.5", 0, "1")]
    public void Coarsen_LoneDecimal_TakenInUtf8(string value, int decimals, string expected) =>
        Assert.Equal(expected, Utf8(LocationCoarsening.ToDecimals(decimals), value));

    // Plain decimals of every shape the bytes' way reads, and the nearest it does not (leading zeros, out of range,
    // half-way digits, carries through nines): each taken as the characters' way gives it, to 0 to 6 decimals.
    [Fact]
    public void Coarsen_RandomPlainDecimals_TakenAsTheCharactersWayGivesThem()
    {
        var random = new Random(20261130);
        var operators = Enumerable.Range(0, 7).Select(decimals => LocationCoarsening.ToDecimals(decimals)).ToArray();
        int taken = 0;
        for (int n = 0; n < 20_000; n++)
        {
            string whole = random.Next(8) switch
            {
                0 => "0" + random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => "9" + new string('9', random.Next(3)),
                _ => random.Next(1, 250).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            string fraction = string.Concat(Enumerable.Range(0, random.Next(17)).Select(_ => random.Next(4) == 0 ? '9' : random.Next(4) == 0 ? '5' : (char)('0' + random.Next(10))));
            string value = random.Next(6) == 0 ? whole : $"{whole}.{fraction}";
            var transform = operators[random.Next(operators.Length)];
            byte[] input = Encoding.UTF8.GetBytes(value);
            var destination = new byte[transform.GetMaxUtf8OutputLength(input.Length)];
            if (transform.TryApplyUtf8(input, destination, out int written))
            {
                Assert.True(transform.TryApply(value, out string? expected), value);
                Assert.Equal(expected, Encoding.UTF8.GetString(destination, 0, written));
                taken++;
            }
        }

        Assert.InRange(taken, 5_000, 19_000);
    }

    [Theory]
    [InlineData("1754114446281", TimeUnit.Hour, "1754114400000")]   // milliseconds
    [InlineData("1754114446", TimeUnit.Day, "1754064000")]          // seconds; days begin at midnight in China
    public void Bucket_EpochDigits_TakenInUtf8(string value, TimeUnit unit, string expected) =>
        Assert.Equal(expected, Utf8(new TimeBucket(unit), value));

    [Fact]
    public void Token_TakenInUtf8_IsTheKnownAnswer() =>
        Assert.Equal("32916462:24000132ffc223a34cb485a99cce09b1", Utf8(new KeyedToken(TokenKey, IdentifierType.CnMobile), "13800138000"));

    // Forms the bytes' way does not read go by characters, which may still read them (or decline them).
    [Theory]
    [InlineData("鲁B·L557V")]          // a separator: counted by characters
    [InlineData("𠀀AB12345")]          // beyond the basic plane
    public void Mask_SeparatorsOrSupplementaryCharacters_LeftToCharacters(string value) =>
        Assert.False(Mask.ForType(IdentifierType.CnPlate).TryApplyUtf8(Encoding.UTF8.GetBytes(value), new byte[64], out _));

    [Theory]
    [InlineData("31.2304, 121.4737")]  // a pair
    [InlineData("-33.86")]             // a sign
    [InlineData("36.")]
    [InlineData("1234567890.1234567")] // more digits than a double holds exactly
    public void Coarsen_OtherForms_LeftToCharacters(string value) =>
        Assert.False(LocationCoarsening.ToDecimals(2).TryApplyUtf8(Encoding.UTF8.GetBytes(value), new byte[128], out _));

    [Fact]
    public void Coarsen_GridOrGcj02_LeftToCharacters()
    {
        Assert.False(LocationCoarsening.ToGrid(1000).TryApplyUtf8("36.644591"u8, new byte[128], out _));
        Assert.False(LocationCoarsening.ToDecimals(2, GeodeticDatum.Gcj02).TryApplyUtf8("36.644591"u8, new byte[128], out _));
    }

    [Theory]
    [InlineData("2026-05-17 09:27:47")]
    [InlineData(" 1754114446281")]
    [InlineData("123456789012345")]
    public void Bucket_DatesPaddingOrTooManyDigits_LeftToCharacters(string value) =>
        Assert.False(new TimeBucket(TimeUnit.Hour).TryApplyUtf8(Encoding.UTF8.GetBytes(value), new byte[64], out _));

    // The transformer with a UTF-8 buffer gives, field for field, what it gives in characters, and holds the values its
    // operators rewrote in UTF-8 as bytes.
    [Fact]
    public void TransformInto_Utf8Buffer_GivesWhatCharactersGiveAndKeepsRewritesAsBytes()
    {
        var policy = new Policy
        {
            Name = "fleet-utf8",
            Output = PolicyOutput.Deidentified,
            Default = new LabelOperation(),
            Rules =
            [
                new(RuleSelector.Field("driver"), new TokenOperation(), "rules[0]"),
                new(RuleSelector.OfType(IdentifierType.CnMobile), new TokenOperation(), "rules[1]"),
                new(RuleSelector.OfType(IdentifierType.Vin), new MaskOperation(3, 0), "rules[2]"),
                new(RuleSelector.OfType(IdentifierType.CnPlate), new MaskOperation(), "rules[3]"),
                new(RuleSelector.OfType(IdentifierType.GpsCoord), new CoarsenOperation(Decimals: 2, CellMetres: null), "rules[4]"),
                new(RuleSelector.Field("ts"), new BucketOperation(TimeUnit.Hour), "rules[5]"),
            ],
        };
        var transformer = new RecordTransformer(policy, Fields.Keys);
        FieldInput[] fields =
        [
            Fields.Scanned("vin", "LVS1YUVE5TE184838"),
            Fields.Scanned("plate", "鲁A430U0"),
            Fields.Scanned("plate2", "鲁B·L557V"),
            Fields.Scanned("ts", "1754114446281"),
            Fields.Scanned("lat", "36.644591"),
            Fields.Scanned("lon", "117.113161"),
            Fields.Scanned("driver", "周辉泽"),
            Fields.Scanned("driver_phone", "17714426774"),
            Fields.Scanned("note", "司机电话 17714426774，车牌 鲁A430U0"),
            Fields.Scanned("fw", "4.2.1"),
        ];
        RecordTransformer.FieldPlan[] plans = [.. fields.Select(field => transformer.PlanOf(field.Name))];
        var characters = new OutputField[fields.Length];
        var bytes = new OutputField[fields.Length];

        var byCharacters = transformer.TransformInto(fields, characters, plans, new System.Buffers.ArrayBufferWriter<char>());
        var byBytes = transformer.TransformInto(fields, bytes, plans, new System.Buffers.ArrayBufferWriter<char>(), new System.Buffers.ArrayBufferWriter<byte>());

        Assert.Equal(characters, bytes);
        Assert.Equal(byCharacters.RemainingPersonalInformation, byBytes.RemainingPersonalInformation);
        Assert.Equal(byCharacters.FullyAnonymised, byBytes.FullyAnonymised);
        string[] heldAsBytes = [.. bytes.Where(field => field.Changed && field.TryGetUtf8(out _)).Select(field => field.Name)];
        Assert.Equal(["vin", "plate", "ts", "lat", "lon", "driver", "driver_phone"], heldAsBytes);
        Assert.Equal("LVS**************", bytes[0].Value);
        Assert.Equal("鲁*****0", bytes[1].Value);
        Assert.Equal("鲁*·****V", bytes[2].Value); // by characters: the separator stays
        Assert.Equal("1754114400000", bytes[3].Value);
        Assert.Equal("36.64", bytes[4].Value);
    }

    [Fact]
    public void TransformInto_OutputsOfAnEarlierRecord_KeepNothingOfIt()
    {
        var policy = new Policy
        {
            Name = "reused-outputs",
            Output = PolicyOutput.Deidentified,
            Default = new LabelOperation(),
            Rules =
            [
                new(RuleSelector.OfType(IdentifierType.CnPlate), new MaskOperation(), "rules[0]"),
                new(RuleSelector.OfType(IdentifierType.Vin), new MaskOperation(3, 0), "rules[1]"),
            ],
        };
        var transformer = new RecordTransformer(policy, Fields.Keys);

        // The earlier record's values are rewritten by characters (a plate with its separator) and in UTF-8 (a VIN);
        // the later one's same fields go as they were, or the other way about.
        FieldInput[] earlier = [Fields.Scanned("plate", "鲁B·L557V"), Fields.Scanned("vin", "LVS1YUVE5TE184838"), Fields.Scanned("fw", "4.2.1")];
        FieldInput[] later = [Fields.Scanned("plate", "none"), Fields.Scanned("vin", "鲁A430U0"), Fields.Scanned("fw", "LFVAJS410N3537949")];
        RecordTransformer.FieldPlan[] plans = [.. earlier.Select(field => transformer.PlanOf(field.Name))];
        var reused = new OutputField[3];
        var fresh = new OutputField[3];

        transformer.TransformInto(earlier, reused, plans, new System.Buffers.ArrayBufferWriter<char>(), new System.Buffers.ArrayBufferWriter<byte>());
        transformer.TransformInto(later, reused, plans, new System.Buffers.ArrayBufferWriter<char>(), new System.Buffers.ArrayBufferWriter<byte>());
        transformer.TransformInto(later, fresh, plans, new System.Buffers.ArrayBufferWriter<char>(), new System.Buffers.ArrayBufferWriter<byte>());

        Assert.Equal(fresh, reused);
        Assert.Equal(["none", "鲁*****0", "LFV**************"], reused.Select(field => field.Value));
        Assert.Equal([false, true, true], reused.Select(field => field.Changed));
        Assert.All(reused, field => Assert.True(field.TryGetUtf8(out _), $"{field.Name} is held as characters"));
        Assert.Equal(fresh.Select(field => field.Coarser.IsDefault), reused.Select(field => field.Coarser.IsDefault));
    }

    private static bool SameAsCharacters(Transform transform, string text)
    {
        byte[] input = Encoding.UTF8.GetBytes(text);
        var destination = new byte[transform.GetMaxUtf8OutputLength(input.Length)];
        if (!transform.TryApplyUtf8(input, destination, out int written))
        {
            return true;
        }

        return transform.TryApply(text, out string? expected) && Encoding.UTF8.GetString(destination, 0, written) == expected;
    }

    private static string Utf8(Transform transform, string value)
    {
        byte[] input = Encoding.UTF8.GetBytes(value);
        var destination = new byte[transform.GetMaxUtf8OutputLength(input.Length)];
        Assert.True(transform.TryApplyUtf8(input, destination, out int written));
        string output = Encoding.UTF8.GetString(destination, 0, written);
        Assert.Equal(transform.Apply(value), output);
        return output;
    }

    public sealed record Value(string Text);

    public sealed record OperatorIndex(int Index);

    public static class Generators
    {
        private static readonly string[] Supplementary = ["𠀀", "A𠀀1", "鲁A·𠀀"];

        // Digits weigh most, as in the values operators read; then letters, CJK, separators, signs and points.
        private static readonly Gen<char> Character = Gen.Frequency(
            (12, Gen.Choose('0', '9').Select(c => (char)c)),
            (3, Gen.Elements("ABCDEFGHJKLMNPRSTUVWXYZabcxyz".ToCharArray())),
            (2, Gen.Elements("鲁京粤沪周辉泽警学领".ToCharArray())),
            (2, Gen.Elements(".-+ ·:,@é".ToCharArray())),
            (1, Gen.Elements("\u00a0\u2028\uff11".ToCharArray())));

        public static Arbitrary<Value> Value() =>
            Gen.Frequency(
                (8, Gen.Choose(0, 20).SelectMany(length => Gen.ArrayOf(Character, length)).Select(chars => new Value(new string(chars)))),
                (2, Gen.Choose(0, 180).SelectMany(whole => Gen.Choose(0, 999_999).Select(fraction => new Value($"{whole}.{fraction}")))),
                (1, Gen.Elements(Supplementary).Select(text => new Value(text))))
            .ToArbitrary();

        public static Arbitrary<OperatorIndex> OperatorIndex() => Gen.Choose(0, Operators.Length - 1).Select(i => new OperatorIndex(i)).ToArbitrary();
    }
}
