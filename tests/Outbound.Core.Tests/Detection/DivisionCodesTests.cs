using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class DivisionCodesTests
{
    [Fact]
    public void Count_ShippedTable_HoldsEveryCode() => Assert.Equal(4_704, DivisionCodes.Count);

    [Theory]
    [InlineData(110000, true)] // 北京市
    [InlineData(110105, true)] // 北京市朝阳区, current
    [InlineData(110103, true)] // 崇文区, merged into 东城区 in 2010
    [InlineData(110221, true)] // 昌平县, a district since 1999
    [InlineData(350102, true)] // 福州市鼓楼区
    [InlineData(810000, true)] // Hong Kong residents' residence permits
    [InlineData(820000, true)] // Macau
    [InlineData(830000, true)] // Taiwan
    [InlineData(810101, false)] // a Hong Kong district: never in an identity number
    [InlineData(710000, false)] // Taiwan's table code: never in an identity number
    [InlineData(110199, false)]
    [InlineData(990000, false)]
    [InlineData(-1, false)]
    [InlineData(1_000_000, false)]
    public void IsKnown_Code_MatchesTable(int code, bool expected) => Assert.Equal(expected, DivisionCodes.IsKnown(code));

    [Fact]
    public void IsMainlandProvince_AllPrefixes_AreTheThirtyOneProvinces()
    {
        int[] provinces = [.. Enumerable.Range(0, 100).Where(DivisionCodes.IsMainlandProvince)];

        Assert.Equal([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65], provinces);
    }

    [Fact]
    public void All_EveryMainlandCode_LiesInAProvince() =>
        Assert.All(DivisionCodes.All().Where(code => code / 10_000 < 80), code => Assert.True(DivisionCodes.IsMainlandProvince(code / 10_000)));
}
