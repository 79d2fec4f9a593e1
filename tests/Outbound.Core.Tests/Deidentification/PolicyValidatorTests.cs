using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Law;

namespace Outbound.Core.Tests.Deidentification;

public sealed class PolicyValidatorTests
{
    private static readonly KAnonymitySettings CityAndAge = new() { QuasiIdentifiers = ["id_number", "birth_date"] };

    private static Policy Anonymised(params PolicyRule[] rules) => new()
    {
        Name = "claims-anonymised",
        Output = PolicyOutput.Anonymised,
        Default = new LabelOperation(),
        Rules = [.. rules],
    };

    private static PolicyRule Type(IdentifierType type, Operation operation, int index) => new(RuleSelector.OfType(type), operation, $"rules[{index}]");

    private static PolicyRule Field(string field, Operation operation, int index) => new(RuleSelector.Field(field), operation, $"rules[{index}]");

    [Fact]
    public void Validate_EveryTypeAnonymised_HasNoProblem() =>
        Assert.Empty(PolicyValidator.Validate(Anonymised(
            Type(IdentifierType.CnMobile, new DropOperation(), 0),
            Type(IdentifierType.GpsCoord, new CoarsenOperation(2, null), 1),
            Type(IdentifierType.Email, new RedactOperation(), 2))));

    [Theory]
    [InlineData(OperatorKind.Keep, "the output is personal information in the clear")]
    [InlineData(OperatorKind.Mask, "the output is only de-identified, which is still personal information (PIPL Art. 73(3))")]
    [InlineData(OperatorKind.Token, "the output is only de-identified, which is still personal information (PIPL Art. 73(3))")]
    [InlineData(OperatorKind.Fpe, "the output is only de-identified, which is still personal information (PIPL Art. 73(3))")]
    public void Validate_AnonymisedClaimWithDirectIdentifierNotAnonymised_NamesTheRuleAndType(OperatorKind kind, string state)
    {
        Operation operation = kind switch
        {
            OperatorKind.Keep => new KeepOperation(),
            OperatorKind.Mask => new MaskOperation(),
            OperatorKind.Token => new TokenOperation(),
            _ => new FpeOperation(),
        };

        var problem = Assert.Single(PolicyValidator.Validate(Anonymised(Type(IdentifierType.CnResidentId, new DropOperation(), 0), Type(IdentifierType.CnMobile, operation, 1))));

        Assert.Equal("rules[1]", problem.Part);
        Assert.Equal(
            $"The rule (type CN_MOBILE) applies {Operation.WireNameOf(kind)} to CN_MOBILE, a direct identifier, so {state}, and the policy claims output: anonymised. "
            + "A policy whose output is anonymised may only drop, redact, label, coarsen a location to at most 2 decimals or cells of 1000 m or more, or generalise and bucket quasi-identifiers under k-anonymity.",
            problem.Message);
    }

    [Fact]
    public void Validate_AnonymisedClaimWithCategoryMasked_NamesEveryTypeItLetsThrough()
    {
        var policy = Anonymised(
            new PolicyRule(RuleSelector.OfCategory(DataCategories.Get("identity_document")), new MaskOperation(), "rules[0]"),
            Type(IdentifierType.CnPassport, new DropOperation(), 1));

        var problem = Assert.Single(PolicyValidator.Validate(policy));

        Assert.Equal("rules[0]", problem.Part);
        Assert.StartsWith("The rule (category identity_document) applies mask to CN_RESIDENT_ID, CN_HMT_PERMIT, direct identifiers, so", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnonymisedClaimWithKeepDefault_NamesTheDefaultAndTheTypesReachingIt()
    {
        var policy = Anonymised() with { Default = new KeepOperation() };

        var problem = Assert.Single(PolicyValidator.Validate(policy));

        Assert.Equal("default", problem.Part);
        Assert.StartsWith("The default applies keep to CN_RESIDENT_ID, CN_PASSPORT, CN_HMT_PERMIT, CN_MOBILE, EMAIL, BANK_CARD, CN_LANDLINE, VIN, CN_PLATE, GPS_COORD, IP_ADDRESS, IMEI, MAC_ADDRESS, PERSON_NAME, ADDRESS, direct identifiers among them, so the output is personal information in the clear", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnonymisedClaimWithTokenisedField_NamesTheField()
    {
        var problem = Assert.Single(PolicyValidator.Validate(Anonymised(Field("driver.phone", new TokenOperation(), 0))));

        Assert.Equal("rules[0]", problem.Part);
        Assert.StartsWith("The rule (field driver.phone) applies token to the whole value, whatever identifiers it holds", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, true)]    // about 110 m: still precise location
    [InlineData(2, false)]
    public void Validate_AnonymisedClaimWithFineCoarsening_IsRejected(int decimals, bool rejected) =>
        Assert.Equal(rejected, PolicyValidator.Validate(Anonymised(Type(IdentifierType.GpsCoord, new CoarsenOperation(decimals, null), 0))).Any());

    [Fact]
    public void Validate_AnonymisedClaimGeneralisingWithoutKAnonymity_IsRejected()
    {
        var problem = Assert.Single(PolicyValidator.Validate(Anonymised(Type(IdentifierType.CnResidentId, new GeneraliseOperation(GeneraliseLevel.RegionAndBirthYear), 0))));

        Assert.Equal("The rule (type CN_RESIDENT_ID) applies generalise to region_and_birth_year to CN_RESIDENT_ID, a direct identifier, which anonymises only under k-anonymity, and the policy has none; add k_anonymity or use an anonymising operator.", problem.Message);
    }

    [Fact]
    public void Validate_AnonymisedClaimGeneralisingUnderKAnonymity_IsAccepted() =>
        Assert.Empty(PolicyValidator.Validate(Anonymised(
            Type(IdentifierType.CnResidentId, new GeneraliseOperation(GeneraliseLevel.RegionAndBirthYear), 0),
            Field("birth_date", new GeneraliseOperation(GeneraliseLevel.Year), 1)) with { KAnonymity = CityAndAge }));

    [Fact]
    public void Validate_GeneralisedFieldNotAQuasiIdentifier_IsRejected()
    {
        var problem = Assert.Single(PolicyValidator.Validate(Anonymised(Field("ts", new BucketOperation(TimeUnit.Hour), 0)) with { KAnonymity = CityAndAge }));

        Assert.Equal("The rule (field ts) applies bucket to the hour, which anonymises only under k-anonymity, but ts is not among k_anonymity.quasi_identifiers; add it there.", problem.Message);
    }

    [Fact]
    public void Validate_DeidentifiedClaim_AcceptsKeepMaskTokenAndFpe() =>
        Assert.Empty(PolicyValidator.Validate(Anonymised(
            Type(IdentifierType.Vin, new MaskOperation(3, 0), 0),
            Type(IdentifierType.CnMobile, new TokenOperation(), 1),
            Type(IdentifierType.CnResidentId, new FpeOperation(), 2),
            Field("fw", new KeepOperation(), 3)) with { Output = PolicyOutput.Deidentified }));

    [Fact]
    public void Validate_OperatorThatCannotReadTheType_IsRejected()
    {
        var problem = Assert.Single(PolicyValidator.Validate(Anonymised(Type(IdentifierType.CnMobile, new GeneraliseOperation(GeneraliseLevel.City), 0)) with { Output = PolicyOutput.Deidentified }));

        Assert.Equal("Generalise to city does not apply to CN_MOBILE; it applies to CN_RESIDENT_ID, ADDRESS.", problem.Message);
    }

    [Fact]
    public void Validate_SecondRuleForOneType_IsRejected()
    {
        var problems = PolicyValidator.Validate(Anonymised(Type(IdentifierType.Email, new DropOperation(), 0), Type(IdentifierType.Email, new LabelOperation(), 1)));

        Assert.Equal([new PolicyProblem("rules[1]", "The rule selects type EMAIL, which rules[0] already selects.")], problems);
    }

    [Fact]
    public void Validate_DefaultThatReadsSomeTypesOnly_IsRejected() =>
        Assert.Equal(
            [new PolicyProblem("default", "The default applies to every identifier type, but bucket to the hour reads only some; use keep, drop, redact, label, mask, token or fpe.")],
            PolicyValidator.Validate(Anonymised() with { Default = new BucketOperation(TimeUnit.Hour), Output = PolicyOutput.Deidentified }));

    [Theory]
    [InlineData(GeneraliseLevel.City, GeneraliseLevel.District, false)]  // finer, not coarser
    [InlineData(GeneraliseLevel.District, GeneraliseLevel.City, true)]
    public void Validate_CoarserLevels_MustBeCoarser(GeneraliseLevel level, GeneraliseLevel next, bool valid)
    {
        var rule = Type(IdentifierType.Address, new GeneraliseOperation(level) { Coarser = [new GeneraliseOperation(next)] }, 0);

        Assert.Equal(valid, PolicyValidator.Validate(Anonymised(rule) with { Output = PolicyOutput.Deidentified }).IsEmpty);
    }

    [Theory]
    [InlineData(10, 20, true)]
    [InlineData(10, 15, false)] // 15-year bands do not contain 10-year ones
    [InlineData(20, 10, false)]
    public void Validate_CoarserAgeBands_MustBeWiderMultiples(int width, int next, bool valid)
    {
        var rule = Field("age", new GeneraliseOperation(GeneraliseLevel.AgeBand, width) { Coarser = [new GeneraliseOperation(GeneraliseLevel.AgeBand, next)] }, 0);

        Assert.Equal(valid, PolicyValidator.Validate(Anonymised(rule) with { Output = PolicyOutput.Deidentified }).IsEmpty);
    }

    [Theory]
    [InlineData(3, 2, null, null, true)]
    [InlineData(2, 3, null, null, false)]
    [InlineData(null, null, 1000, 5000, true)]
    [InlineData(2, null, null, 5000, false)] // decimals to cells: not comparable
    public void Validate_CoarserLocations_MustBeCoarser(int? decimals, int? nextDecimals, int? cell, int? nextCell, bool valid)
    {
        var rule = Type(IdentifierType.GpsCoord, new CoarsenOperation(decimals, cell) { Coarser = [new CoarsenOperation(nextDecimals, nextCell)] }, 0);

        Assert.Equal(valid, PolicyValidator.Validate(Anonymised(rule) with { Output = PolicyOutput.Deidentified }).IsEmpty);
    }

    [Fact]
    public void Validate_KOfOneAndNoQuasiIdentifiers_ReportsBoth() =>
        Assert.Equal(
            [new PolicyProblem("k_anonymity", "k must be at least 2; it is 1."), new PolicyProblem("k_anonymity", "k-anonymity needs at least one quasi-identifier field.")],
            PolicyValidator.Validate(Anonymised() with { KAnonymity = new() { K = 1 } }));

    [Theory]
    [InlineData(IdentifierType.CnResidentId, true)]
    [InlineData(IdentifierType.PersonName, true)]
    [InlineData(IdentifierType.GpsCoord, false)] // a quasi-identifier
    [InlineData(IdentifierType.CnUscc, false)]   // an organisation's code
    public void IsDirectIdentifier_PersonalIdentifiersButNotLocations(IdentifierType type, bool expected) =>
        Assert.Equal(expected, PolicyValidator.IsDirectIdentifier(type));
}
