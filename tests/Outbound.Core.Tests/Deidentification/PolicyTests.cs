using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Law;

namespace Outbound.Core.Tests.Deidentification;

public sealed class PolicyTests
{
    private static readonly Policy Layered = new()
    {
        Name = "layered",
        Output = PolicyOutput.Deidentified,
        Default = new RedactOperation("x"),
        Rules =
        [
            new(RuleSelector.OfCategory(DataCategories.Get("contact")), new MaskOperation(), "rules[0]"),
            new(RuleSelector.OfType(IdentifierType.CnMobile), new TokenOperation(), "rules[1]"),
            new(RuleSelector.Field("*.phone"), new DropOperation(), "rules[2]"),
            new(RuleSelector.Field("driver.phone"), new KeepOperation(), "rules[3]"),
            new(RuleSelector.Field("*phone*"), new LabelOperation(), "rules[4]"),
            new(RuleSelector.OfType(IdentifierType.CnMobile), new GeneraliseOperation(GeneraliseLevel.City), "rules[5]"),
            new(RuleSelector.OfCategory(DataCategories.Get("identity_document")), new GeneraliseOperation(GeneraliseLevel.RegionAndBirthYear), "rules[6]"),
        ],
    };

    [Theory]
    [InlineData("driver.phone", "rules[3]")]      // the exact name beats a glob written before it
    [InlineData("owner.phone", "rules[2]")]       // the first glob that matches
    [InlineData("owner.contact.phone", "rules[2]")] // * spans dots
    [InlineData("phone_backup", "rules[4]")]
    [InlineData("phone", "rules[4]")]             // *.phone needs the dot
    [InlineData("email", null)]
    public void FieldRule_ExactBeforeGlobsBeforeNone(string field, string? expected) =>
        Assert.Equal(expected, Layered.FieldRule(field)?.Name);

    [Theory]
    [InlineData(IdentifierType.CnMobile, "rules[1]")]     // the type rule beats its category
    [InlineData(IdentifierType.Email, "rules[0]")]        // contact category
    [InlineData(IdentifierType.CnResidentId, "rules[6]")] // the category's generalisation reads ID numbers…
    [InlineData(IdentifierType.CnPassport, null)]         // …but not passports: they fall to the default
    [InlineData(IdentifierType.Vin, null)]
    public void RuleFor_TypeBeforeCategoryBeforeDefault(IdentifierType type, string? expected) =>
        Assert.Equal(expected, Layered.RuleFor(type)?.Name);

    [Fact]
    public void OperationFor_NoRule_IsTheDefault() =>
        Assert.Equal(new RedactOperation("x"), Layered.OperationFor(IdentifierType.Vin));

    [Fact]
    public void Default_WhenNotSet_IsLabel() =>
        Assert.IsType<LabelOperation>(new Policy { Name = "p", Output = PolicyOutput.Deidentified }.Default);

    [Theory]
    [InlineData("city", true)]
    [InlineData("owner.city", true)]  // matched by *.city
    [InlineData("age", false)]
    public void IsQuasiIdentifier_MatchesNamesAndGlobs(string field, bool expected)
    {
        var policy = new Policy
        {
            Name = "p",
            Output = PolicyOutput.Anonymised,
            KAnonymity = new() { QuasiIdentifiers = ["city", "*.city"] },
        };

        Assert.Equal(expected, policy.IsQuasiIdentifier(field));
    }

    [Theory]
    [InlineData(GeneraliseLevel.RegionAndBirthYear, "region_and_birth_year")]
    [InlineData(GeneraliseLevel.AgeBand, "age_band")]
    public void PolicyWords_Level_IsSnakeCaseAndParsesBack(GeneraliseLevel level, string expected)
    {
        Assert.Equal(expected, PolicyWords.Level(level));
        Assert.True(PolicyWords.TryParse(expected, out GeneraliseLevel parsed));
        Assert.Equal(level, parsed);
    }

    [Fact]
    public void PolicyWords_Datum_IsWgs84OrGcj02() =>
        Assert.Equal(["wgs84", "gcj02"], PolicyWords.All<GeodeticDatum>());
}
