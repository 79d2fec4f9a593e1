using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Deidentification;

namespace Outbound.Core.Tests.Deidentification;

public sealed class GeneralisationTests
{
    [Theory]
    [InlineData(GeneraliseLevel.Year, "1990-08-23", "1990")]
    [InlineData(GeneraliseLevel.Year, "1990/8/3", "1990")]
    [InlineData(GeneraliseLevel.Year, "19900823", "1990")]                // compact
    [InlineData(GeneraliseLevel.Year, "1990年8月23日", "1990")]
    [InlineData(GeneraliseLevel.Year, "1990-08-23T10:00:00+08:00", "1990")] // a timestamp's date
    [InlineData(GeneraliseLevel.Month, "1990-08-23", "1990-08")]
    [InlineData(GeneraliseLevel.Decade, "1994-08-23", "1990-1999")]
    [InlineData(GeneraliseLevel.Year, "1990-08", "1990")]                 // a finer output of this operator
    [InlineData(GeneraliseLevel.Decade, "1990", "1990-1999")]
    [InlineData(GeneraliseLevel.Decade, "1990-1999", "1990-1999")]        // already a decade
    public void TryApply_Date_GivesTheLevel(GeneraliseLevel level, string input, string expected) =>
        Assert.Equal(expected, new Generalisation(level).Apply(input));

    [Theory]
    [InlineData(GeneraliseLevel.Year, "1990-13-01")]  // no 13th month
    [InlineData(GeneraliseLevel.Year, "199")]
    [InlineData(GeneraliseLevel.Year, "yesterday")]
    [InlineData(GeneraliseLevel.Month, "1990")]       // a year has no month to keep
    public void TryApply_NotADate_IsDeclined(GeneraliseLevel level, string input) =>
        Assert.False(new Generalisation(level).TryApply(input, out _));

    [Theory]
    [InlineData(10, "34", "30-39")]
    [InlineData(10, "30", "30-39")]     // a band starts at a multiple of its width
    [InlineData(10, "0", "0-9")]
    [InlineData(5, "34岁", "30-34")]
    [InlineData(10, "34.5", "30-39")]
    [InlineData(20, "30-39", "20-39")]  // a 10-year band widened to 20
    public void TryApply_Age_GivesItsBand(int width, string input, string expected) =>
        Assert.Equal(expected, new Generalisation(GeneraliseLevel.AgeBand, width).Apply(input));

    [Theory]
    [InlineData("-3")]
    [InlineData("151")]    // beyond any age
    [InlineData("thirty")]
    [InlineData("39-30")]  // a band upside down
    public void TryApply_NotAnAge_IsDeclined(string input) =>
        Assert.False(new Generalisation(GeneraliseLevel.AgeBand).TryApply(input, out _));

    [Theory]
    [InlineData(GeneraliseLevel.City, "江苏省苏州市姑苏区新华路671号万象城25栋1单元2704室", "江苏省苏州市")]
    [InlineData(GeneraliseLevel.District, "江苏省苏州市姑苏区新华路671号万象城25栋1单元2704室", "江苏省苏州市姑苏区")]
    [InlineData(GeneraliseLevel.Province, "江苏省苏州市姑苏区新华路671号", "江苏省")]
    [InlineData(GeneraliseLevel.City, "广州市海珠区友谊路953号", "广东省广州市")]           // the province from the table
    [InlineData(GeneraliseLevel.City, "北京市朝阳区建国路88号", "北京市")]                 // a municipality has no city level
    [InlineData(GeneraliseLevel.District, "北京市朝阳区建国路88号", "北京市朝阳区")]       // Beijing's 朝阳区, not Changchun's
    [InlineData(GeneraliseLevel.District, "山西省太原市小店区文化路292号14号楼1305室", "山西省太原市小店区")]
    [InlineData(GeneraliseLevel.City, "江苏省苏州市", "江苏省苏州市")]                     // generalising again changes nothing
    [InlineData(GeneraliseLevel.City, "某某省某某市某某区幸福路1号", "某某省某某市")]        // not in the table: cut at the markers
    public void TryApply_Address_GivesTheDivisions(GeneraliseLevel level, string input, string expected) =>
        Assert.Equal(expected, new Generalisation(level).Apply(input));

    [Fact]
    public void TryApply_AddressWithoutDivisionOrMarker_IsDeclined() =>
        Assert.False(new Generalisation(GeneraliseLevel.City).TryApply("幸福路1号", out _));

    // Synthetic ID numbers: 440305 is 深圳市南山区, 110105 北京市朝阳区, 320506 苏州市吴中区; check digits by MOD 11-2.
    [Theory]
    [InlineData(GeneraliseLevel.RegionAndBirthYear, "440305199008230275", "广东省深圳市 1990")]
    [InlineData(GeneraliseLevel.ProvinceAndBirthYear, "440305199008230275", "广东省 1990")]
    [InlineData(GeneraliseLevel.City, "440305199008230275", "广东省深圳市")]
    [InlineData(GeneraliseLevel.Province, "440305199008230275", "广东省")]
    [InlineData(GeneraliseLevel.Year, "440305199008230275", "1990")]
    [InlineData(GeneraliseLevel.RegionAndBirthYear, "11010519491231002X", "北京市 1949")]  // a municipality
    [InlineData(GeneraliseLevel.RegionAndBirthYear, "320506630825640", "江苏省苏州市 1963")] // 15 digits: born 19YY
    [InlineData(GeneraliseLevel.ProvinceAndBirthYear, "广东省深圳市 1990", "广东省 1990")]   // a finer output, further
    [InlineData(GeneraliseLevel.Province, "广东省深圳市 1990", "广东省")]
    [InlineData(GeneraliseLevel.Year, "广东省 1990", "1990")]
    public void TryApply_ResidentId_GivesRegionAndBirthYear(GeneraliseLevel level, string input, string expected) =>
        Assert.Equal(expected, new Generalisation(level).Apply(input));

    [Fact]
    public void TryApply_IdWithUnknownProvince_IsDeclined() =>
        Assert.False(new Generalisation(GeneraliseLevel.RegionAndBirthYear).TryApply("990305199008230272", out _));

    [Theory]
    [InlineData(GeneraliseLevel.Month, GeneraliseLevel.Year, true)]
    [InlineData(GeneraliseLevel.Year, GeneraliseLevel.Month, false)]   // finer, not coarser
    [InlineData(GeneraliseLevel.District, GeneraliseLevel.Province, true)]
    [InlineData(GeneraliseLevel.RegionAndBirthYear, GeneraliseLevel.ProvinceAndBirthYear, true)]
    [InlineData(GeneraliseLevel.City, GeneraliseLevel.Year, false)]     // a city holds no year
    [InlineData(GeneraliseLevel.Year, GeneraliseLevel.Year, false)]     // not coarser
    public void IsCoarser_ReadsTheFinerLevelsOutput(GeneraliseLevel finer, GeneraliseLevel coarser, bool expected) =>
        Assert.Equal(expected, Generalisation.IsCoarser(finer, coarser));

    [Fact]
    public void Protection_IsGeneralised() =>
        Assert.Equal(Protection.Generalised, new Generalisation(GeneraliseLevel.Year).Protection);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool TryApply_AgeBand_ContainsTheAgeAndHasTheWidth(Age age, BandWidth width)
    {
        string band = new Generalisation(GeneraliseLevel.AgeBand, width.Value).Apply(age.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        int[] bounds = [.. band.Split('-').Select(int.Parse)];
        return bounds[0] <= age.Value && age.Value <= bounds[1] && bounds[1] - bounds[0] + 1 == width.Value && bounds[0] % width.Value == 0;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool TryApply_BandWidenedByAMultiple_ContainsTheNarrowBand(Age age, BandWidth width)
    {
        var narrow = new Generalisation(GeneraliseLevel.AgeBand, width.Value);
        var wide = new Generalisation(GeneraliseLevel.AgeBand, width.Value * 2);
        string narrowBand = narrow.Apply(age.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        int[] inner = [.. narrowBand.Split('-').Select(int.Parse)];
        int[] outer = [.. wide.Apply(narrowBand).Split('-').Select(int.Parse)];
        return outer[0] <= inner[0] && inner[1] <= outer[1];
    }

    public sealed record Age(int Value);

    public sealed record BandWidth(int Value);

    public static class Generators
    {
        public static Arbitrary<Age> Age() => Gen.Choose(0, 120).Select(a => new Age(a)).ToArbitrary();

        public static Arbitrary<BandWidth> Width() => Gen.Elements(2, 5, 10, 15, 20, 25).Select(w => new BandWidth(w)).ToArbitrary();
    }
}
