using FsCheck.Xunit;
using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Core.Tests.Deidentification;

public sealed class MaskTests
{
    [Theory]
    [InlineData(IdentifierType.CnResidentId, "11010519491231002X", "110105***********X")]   // region 6 + check character
    [InlineData(IdentifierType.CnResidentId, "110105491231002", "110105********2")]         // first generation, 15 digits
    [InlineData(IdentifierType.CnMobile, "13800138000", "138****8000")]
    [InlineData(IdentifierType.CnMobile, "+86 138-0013-8000", "+86 138-****-8000")]          // prefix and separators kept
    [InlineData(IdentifierType.CnMobile, "0086 13800138000", "0086 138****8000")]
    [InlineData(IdentifierType.BankCard, "6222 0212 3456 7890 128", "6222 02** **** ***0 128")] // issuer 6 + last 4
    [InlineData(IdentifierType.BankCard, "6259651393988972", "625965******8972")]
    [InlineData(IdentifierType.CnPlate, "京A·12345", "京*·****5")]                            // province + last
    [InlineData(IdentifierType.CnPlate, "粤B35359", "粤*****9")]
    [InlineData(IdentifierType.Vin, "LVS1YUVE5TE184838", "LVS**************")]               // WMI
    [InlineData(IdentifierType.Email, "tangbo@hengxin.com.cn", "t*****@hengxin.com.cn")]     // local part only
    [InlineData(IdentifierType.PersonName, "唐博", "唐*")]
    [InlineData(IdentifierType.MacAddress, "3C:22:FB:A7:1B:2F", "3C:22:FB:**:**:**")]        // OUI
    [InlineData(IdentifierType.IpAddress, "124.240.178.46", "***.***.***.**")]
    [InlineData(IdentifierType.Imei, "866644311561060", "86664431*******")]                   // TAC
    public void ForType_UsualShape_KeepsTheTypesVisibleParts(IdentifierType type, string input, string expected) =>
        Assert.Equal(expected, Mask.ForType(type).Apply(input));

    [Fact]
    public void ForType_ExplicitCounts_OverrideTheTypesShape() =>
        Assert.Equal("LVS1Y************", Mask.ForType(IdentifierType.Vin, keepFirst: 5, keepLast: 0).Apply("LVS1YUVE5TE184838"));

    [Fact]
    public void ForType_MaskCharacter_IsWritten() =>
        Assert.Equal("138####8000", Mask.ForType(IdentifierType.CnMobile, maskCharacter: '#').Apply("13800138000"));

    [Fact]
    public void Constructor_LetterAsMaskCharacter_Throws() =>
        Assert.Throws<ArgumentException>(() => new Mask(1, 1, 'x'));

    [Fact]
    public void Constructor_NegativeCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mask(-1, 0));

    [Fact]
    public void Apply_ShorterThanTheKeptParts_ChangesNothing() =>
        Assert.Equal("abc", new Mask(2, 2).Apply("abc"));

    [Fact]
    public void Protection_IsDeidentifiedOnly() => Assert.Equal(Protection.Deidentified, new Mask(0, 0).Protection);

    [Property(MaxTest = 1_000)]
    public bool Apply_Twice_EqualsOnce(string? input, byte first, byte last)
    {
        var mask = new Mask(first % 8, last % 8);
        string once = mask.Apply(input);
        return mask.Apply(once) == once;
    }

    [Property(MaxTest = 1_000)]
    public bool Apply_WritesAtMostGetMaxOutputLengthAndKeepsEverySeparator(string? input)
    {
        input ??= "";
        var mask = Mask.ForType(IdentifierType.CnResidentId);
        var destination = new char[mask.GetMaxOutputLength(input)];

        bool applied = mask.TryApply(input, destination, out int written);

        string output = new(destination, 0, written);
        bool surrogates = input.Any(char.IsSurrogate);
        return applied && written <= destination.Length
            && (surrogates || (written == input.Length && input.Zip(output).All(pair => char.IsLetterOrDigit(pair.First) || pair.First == pair.Second)));
    }

    // A trailing separator sends a value down the character-by-character path; without it, a value of significant
    // characters only (ASCII, or with Chinese letters) takes the shortcut. Both must mask alike, for every shape and count.
    [Property(MaxTest = 2_000)]
    public bool Apply_SignificantCharactersOnly_MasksAsTheCharacterByCharacterPath(ulong digits, ulong letters, byte length, byte first, byte last, byte shape)
    {
        IdentifierType type = (shape % 5) switch { 0 => IdentifierType.Vin, 1 => IdentifierType.BankCard, 2 => IdentifierType.CnMobile, 3 => IdentifierType.CnPlate, _ => IdentifierType.CnResidentId };
        string pool = type is IdentifierType.BankCard or IdentifierType.CnMobile
            ? digits.ToString("D20", System.Globalization.CultureInfo.InvariantCulture)
            : (type == IdentifierType.CnPlate ? "鲁粤" : "") + digits.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + letters.ToString("x16", System.Globalization.CultureInfo.InvariantCulture).ToUpperInvariant() + "Zzé";
        string input = pool[..(length % (pool.Length + 1))];
        var mask = Mask.ForType(type, first % 8 == 7 ? null : first % 8, last % 8 == 7 ? null : last % 8);

        return mask.Apply(input) + "-" == mask.Apply(input + "-");
    }

    [Property(MaxTest = 500)]
    public bool Apply_MobileNumber_NeverHoldsTheNumber(uint middle)
    {
        string number = $"138{middle % 10_000:D4}8000";
        return !Mask.ForType(IdentifierType.CnMobile).Apply(number).Contains(number, StringComparison.Ordinal);
    }
}
