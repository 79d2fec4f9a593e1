using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Law;
using static Outbound.Core.Tests.Law.Declarations;

namespace Outbound.Core.Tests.Law;

public sealed class AssessorTests
{
    private static readonly Assessor Assessor = new(WorkingDayCalendar.Default);
    private static readonly DateOnly March = new(2026, 3, 10);
    private static readonly DateOnly AsOf = new(2026, 11, 29);

    [Theory]
    [InlineData("contact", 99_999, "EXEMPT_DE_MINIMIS")]           // 不满10万人
    [InlineData("contact", 100_000, "SCC_OR_CERTIFICATION")]       // 10万人以上 includes 100,000
    [InlineData("contact", 999_999, "SCC_OR_CERTIFICATION")]       // 不满100万人
    [InlineData("contact", 1_000_000, "SECURITY_ASSESSMENT")]      // 100万人以上
    [InlineData("contact", 0, "EXEMPT_DE_MINIMIS")]                // PI category, nobody counted yet
    [InlineData("health", 1, "SCC_OR_CERTIFICATION")]              // one sensitive person removes de minimis
    [InlineData("health", 9_999, "SCC_OR_CERTIFICATION")]          // 不满1万人敏感
    [InlineData("health", 10_000, "SECURITY_ASSESSMENT")]          // 1万人以上敏感
    [InlineData("general", 5_000_000, "NOT_REGULATED")]            // no PI at all
    public void Assess_AtEachThreshold_GivesTheBand(string category, long individuals, string expected)
    {
        var result = Assessor.Assess(Of(Transfer("t", March, Item(category, individuals))), AsOf);

        Assert.Equal(expected, WireNames.Of(result.Transfers[0].Pathway));
    }

    [Fact]
    public void Assess_MidYearCrossing_HoldsOnlyTheCrossingTransfer()
    {
        var declaration = Of(
            Transfer("jan", new DateOnly(2026, 1, 15), Item("contact", 60_000)),
            Transfer("jun", new DateOnly(2026, 6, 20), Item("contact", 50_000)));

        var result = Assessor.Assess(declaration, AsOf);

        Assert.Equal(Pathway.ExemptDeMinimis, result.Transfers[0].Pathway);
        Assert.Equal(TransferStatus.Allowed, result.Transfers[0].Status);
        Assert.Equal(new Headroom(40_000, 1, Pathway.StandardContractOrCertification), result.Transfers[0].Headroom);
        Assert.Equal(Pathway.StandardContractOrCertification, result.Transfers[1].Pathway);
        Assert.Equal(TransferStatus.Held, result.Transfers[1].Status);
        Assert.Equal(new PersonCounts(110_000, 0), result.Transfers[1].Counted);
        Assert.Contains("PATHWAY_REQUIRED", Obligations(result.Transfers[1]));
        Assert.True(result.NeedsAction);
    }

    [Fact]
    public void Assess_MinorsInANonSensitiveItem_CountAsSensitive()
    {
        var item = Item("contact", 5_000) with { MinorsUnder14 = 1 };

        var decision = Assessor.Assess(Of(Transfer("t", March, item)), AsOf).Transfers[0];

        Assert.Equal(new PersonCounts(4_999, 1), decision.Counted);
        Assert.Equal(Pathway.StandardContractOrCertification, decision.Pathway);
    }

    [Fact]
    public void Assess_ContractExemptionWithEvidence_IsExemptAndUncounted()
    {
        var transfer = Transfer("delivery", March, Item("order", 300_000)) with { Exemption = ExemptionClaim.Contract, Evidence = "order terms v3", LegalBasis = LegalBasis.Contract };

        var decision = Assessor.Assess(Of(transfer), AsOf).Transfers[0];

        Assert.Equal(Pathway.ExemptArt5Contract, decision.Pathway);
        Assert.Equal(TransferStatus.Allowed, decision.Status);
        Assert.True(decision.Counted.IsZero);
        Assert.DoesNotContain("SEPARATE_CONSENT", Obligations(decision));
        Assert.Contains("NOTICE", Obligations(decision));
    }

    [Fact]
    public void Assess_ContractExemptionWithoutEvidence_IsHeldWithAWarning()
    {
        var transfer = Transfer("delivery", March, Item("order", 300_000)) with { Exemption = ExemptionClaim.Contract };

        var decision = Assessor.Assess(Of(transfer), AsOf).Transfers[0];

        Assert.Equal(Pathway.ExemptArt5Contract, decision.Pathway);
        Assert.Equal(TransferStatus.Held, decision.Status);
        Assert.Contains("EXEMPTION_EVIDENCE", Obligations(decision));
        Assert.NotEmpty(decision.Warnings);
    }

    [Fact]
    public void Assess_HrExemptionForApplicants_CountsThemByDefault()
    {
        var transfer = Transfer("hr", March, Item("employment", 3_000, SubjectGroup.Employees), Item("resume", 200_000, SubjectGroup.Applicants))
            with
        { Exemption = ExemptionClaim.HumanResources, Evidence = "employee handbook 2025" };

        var decision = Assessor.Assess(Of(transfer), AsOf).Transfers[0];

        Assert.Equal(Pathway.StandardContractOrCertification, decision.Pathway);
        Assert.Equal(new PersonCounts(200_000, 0), decision.Counted);
        Assert.Contains(decision.Interpretations, use => use.Interpretation == Interpretations.ApplicantsNotEmployees && use.Value);
    }

    [Fact]
    public void Assess_ForeignCourt_IsBlockedWhateverElseHolds()
    {
        var transfer = Transfer("subpoena", March, Item("contact", 10)) with { Recipient = new Recipient("US District Court", "US", RecipientKind.ForeignJudicial) };

        var decision = Assessor.Assess(Of(transfer), AsOf).Transfers[0];

        Assert.Equal(Pathway.Blocked, decision.Pathway);
        Assert.Equal(TransferStatus.Blocked, decision.Status);
        Assert.Equal("R-BLK-1", decision.Reasons[0].Rule.Id);
    }

    [Fact]
    public void Assess_FiledContractCoveringTheTransfer_IsAllowedWithItsFilingDeadline()
    {
        var scc = new Approval { Id = "scc-1", Kind = ApprovalKind.StandardContract, Effective = new DateOnly(2026, 3, 2), Filed = new DateOnly(2026, 3, 9) };
        var declaration = Of(Transfer("t", March, Item("contact", 150_000))) with { Approvals = [scc] };

        var decision = Assessor.Assess(declaration, AsOf).Transfers[0];

        Assert.Equal(TransferStatus.Allowed, decision.Status);
        Assert.Equal("scc-1", decision.ApprovalId);
        Assert.Equal(new DateOnly(2026, 3, 16), decision.Obligations.Single(o => o.Kind == ObligationKind.ContractFiling).Due);
    }

    [Fact]
    public void Assess_UnfiledContractPastItsDeadline_IsHeld()
    {
        var scc = new Approval { Id = "scc-1", Kind = ApprovalKind.StandardContract, Effective = new DateOnly(2026, 3, 2) };
        var declaration = Of(Transfer("t", March, Item("contact", 150_000))) with { Approvals = [scc] };

        var decision = Assessor.Assess(declaration, AsOf).Transfers[0];

        Assert.Equal(TransferStatus.Held, decision.Status);
        Assert.True(decision.Obligations.Single(o => o.Kind == ObligationKind.ContractFiling).Overdue);
    }

    [Fact]
    public void Assess_AssessmentIssuedIn2026_ReportsItsExtensionWindowAsNotComputable()
    {
        var assessment = new Approval { Id = "sa-1", Kind = ApprovalKind.SecurityAssessment, Effective = new DateOnly(2026, 2, 1) };
        var declaration = Of(Transfer("t", March, Item("health", 20_000))) with { Approvals = [assessment] };

        var result = Assessor.Assess(declaration, AsOf);
        var decision = result.Transfers[0];

        Assert.Equal(TransferStatus.Allowed, decision.Status);
        Assert.Equal(new DateOnly(2029, 2, 1), result.Approvals[0].ValidUntil);
        var extension = decision.Obligations.Single(o => o.Kind == ObligationKind.AssessmentExtension);
        Assert.Equal(2029, extension.NotComputableYear);
        Assert.Contains(Attention.NotComputable, decision.Flags);
    }

    [Fact]
    public void Assess_Before2024Provisions_UsesThePreviousYearWindow()
    {
        var declaration = Of(Transfer("t", new DateOnly(2023, 10, 1), Item("contact", 60_000))) with
        {
            Year = 2023,
            PriorYear = new PersonCounts(40_000, 0),
        };

        var decision = Assessor.Assess(declaration, AsOf).Transfers[0];

        Assert.Equal(Regime.Measures2022, decision.Regime);
        Assert.Equal(Pathway.SecurityAssessment, decision.Pathway);
        Assert.Contains(decision.Reasons, reason => reason.Rule.Id == "R-LEGACY-1");
    }

    [Fact]
    public void Assess_AnonymisedOffVehicleVideo_IsNotRegulatedButNeedsLegalReview()
    {
        var video = Item("off_vehicle_image", 0, SubjectGroup.Pedestrians) with { Anonymised = true };

        var decision = Assessor.Assess(Of(Transfer("adas", March, video)), AsOf).Transfers[0];

        Assert.Equal(Pathway.NotRegulated, decision.Pathway);
        Assert.Equal(TransferStatus.Allowed, decision.Status);
        Assert.Contains(Attention.LegalReview, decision.Flags);
    }

    [Fact]
    public void Assess_ForeignCollectedWithDomesticEnrichment_CountsTheDomesticPersonsAndWarns()
    {
        var foreign = Item("contact", 80_000) with { Origin = DataOrigin.Abroad };
        var domestic = Item("contact", 120_000);
        var transfer = Transfer("bpo", March, foreign, domestic) with { Exemption = ExemptionClaim.ForeignCollected, Evidence = "client SOW 7" };

        var decision = Assessor.Assess(Of(transfer), AsOf).Transfers[0];

        Assert.Equal(new PersonCounts(120_000, 0), decision.Counted);
        Assert.Equal(Pathway.StandardContractOrCertification, decision.Pathway);
        Assert.Contains(decision.Warnings, warning => warning.En.Contains("Domestic personal information", StringComparison.Ordinal));
    }

    [Property(MaxTest = 300)]
    public Property Assess_MorePersons_NeverLessStrict() =>
        Prop.ForAll(
            Gen.Choose(0, 2_000_000).Two().ToArbitrary(),
            Gen.Choose(0, 20_000).ToArbitrary(),
            Gen.Elements(false, true).ToArbitrary(),
            (pair, sensitive, ciio) =>
            {
                var (fewer, more) = pair.Item1 <= pair.Item2 ? pair : (pair.Item2, pair.Item1);
                return PathwayOf(fewer, sensitive, ciio) <= PathwayOf(more, sensitive, ciio)
                    && PathwayOf(fewer, 0, ciio) <= PathwayOf(fewer, sensitive, ciio);
            });

    [Property(MaxTest = 200)]
    public Property Assess_ExemptFlow_NeverChangesTheCounters() =>
        Prop.ForAll(
            Gen.Choose(0, 500_000).ToArbitrary(),
            Gen.Choose(0, 2_000_000).ToArbitrary(),
            Gen.Elements(ExemptionClaim.Contract, ExemptionClaim.Emergency, ExemptionClaim.HumanResources).ToArbitrary(),
            (counted, exempted, claim) =>
            {
                var baseline = Of(Transfer("a", March, Item("contact", counted)));
                var exempt = Transfer("b", March, Item("contact", exempted, claim == ExemptionClaim.HumanResources ? SubjectGroup.Employees : SubjectGroup.Customers))
                    with
                { Exemption = claim, Evidence = "on file" };
                var withExempt = baseline with { Transfers = baseline.Transfers.Add(exempt) };

                var before = Assessor.Assess(baseline, AsOf);
                var after = Assessor.Assess(withExempt, AsOf);
                return before.YearTotals == after.YearTotals
                    && before.Transfers[0].Pathway == after.Transfers.Single(t => t.Transfer.Id == "a").Pathway;
            });

    [Property(MaxTest = 200)]
    public Property Assess_OrderOfSameDateTransfersAndOfItems_DoesNotMatter() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 400_000), 4).ToArbitrary(),
            Gen.Choose(0, 15_000).ToArbitrary(),
            (sizes, sensitive) =>
            {
                var items = new[] { Item("contact", sizes[0]), Item("health", sensitive), Item("account", sizes[1]) };
                var transfers = new[]
                {
                    Transfer("x", March, items),
                    Transfer("y", March, Item("device_id", sizes[2])),
                    Transfer("z", March.AddDays(1), Item("contact", sizes[3])),
                };
                var shuffled = new[]
                {
                    transfers[2],
                    transfers[1],
                    Transfer("x", March, [.. items.Reverse()]),
                };

                var one = Assessor.Assess(Of(transfers), AsOf);
                var two = Assessor.Assess(Of(shuffled), AsOf);
                return one.Transfers.All(decision =>
                {
                    var other = two.Transfers.Single(t => t.Transfer.Id == decision.Transfer.Id);
                    return other.Pathway == decision.Pathway && other.Status == decision.Status && other.Counted == decision.Counted;
                });
            });

    [Property(MaxTest = 200)]
    public Property Assess_EveryWorkingDayDeadline_LandsOnAWorkingDay() =>
        Prop.ForAll(
            Gen.Choose(0, 364).Select(offset => new DateOnly(2025, 1, 1).AddDays(offset)).ToArbitrary(),
            effective =>
            {
                var scc = new Approval { Id = "scc", Kind = ApprovalKind.StandardContract, Effective = effective };
                var result = Assessor.Assess(Of(Transfer("t", new DateOnly(2026, 6, 1), Item("contact", 200_000))) with { Approvals = [scc] }, AsOf);
                var filing = result.Approvals[0].Obligations.Single(o => o.Kind == ObligationKind.ContractFiling);
                return filing.Due is DateOnly due
                    ? WorkingDayCalendar.Default.IsWorkingDay(due) == true
                    : filing.NotComputableYear is not null;
            });

    private static Pathway PathwayOf(int nonSensitive, int sensitive, bool ciio)
    {
        var declaration = Of(Transfer("t", March, Item("contact", nonSensitive), Item("health", sensitive)));
        declaration = declaration with { Handler = declaration.Handler with { CriticalInformationInfrastructureOperator = ciio } };
        return Assessor.Assess(declaration, AsOf).Transfers[0].Pathway;
    }
}
