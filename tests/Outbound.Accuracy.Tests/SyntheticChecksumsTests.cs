using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Testing.Synthetic;

namespace Outbound.Accuracy.Tests;

public sealed class SyntheticChecksumsTests
{
    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999 Annex A: 北京市朝阳区, born 1949-12-31
    [InlineData("440524188001010014")] // GB 11643-1999 Annex A: 广东省汕头市潮阳县, born 1880-01-01
    public void ResidentIdCheck_StandardExamples_MatchesLastCharacter(string id) =>
        Assert.Equal(id[17], SyntheticChecksums.ResidentIdCheck(id.AsSpan(0, 17)));

    [Fact]
    public void UsccCheck_WorkedExample_MatchesLastCharacter()
    {
        // The GB 32100 worked example: registration 9 (market regulation), category 1 (enterprise), 350100 (Fuzhou),
        // organisation code M000100Y4 (itself GB 11714-checked), check character 3.
        Assert.Equal('4', SyntheticChecksums.OrganizationCodeCheck("M000100Y"));
        Assert.True(SyntheticChecksums.IsUsccValid("91350100M000100Y43"));
    }

    [Theory]
    [InlineData("1M8GDM9AXKP042788")] // 49 CFR 565 worked example, check digit X
    [InlineData("11111111111111111")] // all ones: the weights sum to 89 ≡ 1 (mod 11)
    public void IsVinValid_KnownValidVins_ReturnsTrue(string vin) => Assert.True(SyntheticChecksums.IsVinValid(vin));

    [Theory]
    [InlineData("79927398713")] // ISO/IEC 7812-1 Luhn example
    [InlineData("4111111111111111")] // Visa test card
    [InlineData("6200000000000005")] // UnionPay test card
    [InlineData("490154203237518")] // IMEI example of 3GPP TS 23.003 explanations
    public void IsLuhnValid_PublishedNumbers_ReturnsTrue(string number) => Assert.True(SyntheticChecksums.IsLuhnValid(number));

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("110105194913310028")] // month 13
    [InlineData("990105194912310021")] // province 99 does not exist
    [InlineData("11010519491231002")] // 17 characters
    public void IsPlausibleResidentId_NearMisses_ReturnsFalse(string value) =>
        Assert.False(SyntheticChecksums.IsPlausibleResidentId(value));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool IsPlausibleResidentId_AfterChangingOneDigit_ReturnsFalse(Position position, Digit replacement)
    {
        const string Valid = "11010519491231002X";
        char[] changed = Valid.ToCharArray();
        if (changed[position.Index] == replacement.Value)
        {
            return true; // not a change
        }

        changed[position.Index] = replacement.Value;
        return !SyntheticChecksums.IsPlausibleResidentId(new string(changed));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool IsUsccValid_AfterChangingOneCharacter_ReturnsFalse(Position position, Digit replacement)
    {
        const string Valid = "91350100M000100Y43";
        char[] changed = Valid.ToCharArray();
        if (changed[position.Index] == replacement.Value)
        {
            return true; // not a change
        }

        changed[position.Index] = replacement.Value;
        return !SyntheticChecksums.IsUsccValid(new string(changed));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool IsLuhnValid_AfterChangingOneDigit_ReturnsFalse(Position position, Digit replacement)
    {
        const string Valid = "6222021234567890128";
        char[] changed = SyntheticChecksums.IsLuhnValid(Valid) ? Valid.ToCharArray() : (Valid[..^1] + SyntheticChecksums.LuhnCheck(Valid.AsSpan(0, 18))).ToCharArray();
        if (changed[position.Index] == replacement.Value)
        {
            return true; // not a change
        }

        changed[position.Index] = replacement.Value;
        return !SyntheticChecksums.IsLuhnValid(new string(changed));
    }

    public sealed record Position(int Index);

    public sealed record Digit(char Value);

    public static class Generators
    {
        public static Arbitrary<Position> Position() => Gen.Choose(0, 17).Select(i => new Position(i)).ToArbitrary();

        public static Arbitrary<Digit> Digit() => Gen.Choose('0', '9').Select(c => new Digit((char)c)).ToArbitrary();
    }
}
