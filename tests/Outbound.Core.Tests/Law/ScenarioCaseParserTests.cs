using System.Text.RegularExpressions;
using Outbound.Law;

namespace Outbound.Core.Tests.Law;

/// <summary>Checks the case-file parser itself, so a broken parser cannot silently yield no cases.</summary>
public sealed partial class ScenarioCaseParserTests
{
    // Cases written in Law/Cases; raise these when adding cases, never lower them to make a test pass.
    private const int CasesWritten = 117;

    private const string Sample = """
        # Sample

        ## SC-01 — De minimis

        Prose a lawyer reads.

        ```yaml
        year: 2026
        handler: {name: Example Co}
        ```

        ```expect
        transfer: crm-q1
        pathway: EXEMPT_DE_MINIMIS
        status: ALLOWED
        counted: 60,000/0
        flags: none
        obligations: NOTICE, PIPIA
        cite: R-PATH-5, R-OBL-1
        ```

        ```text
        not a case
        ```

        ```expect
        as_of: 2025-03-18
        transfer: crm-q2
        regime: network_data_regulations
        approval: scc-1
        flags: LEGAL_REVIEW
        flags_absent: SPLIT_RISK
        obligations_absent: SEPARATE_CONSENT
        overdue: SCC_FILING
        due: SCC_FILING 2025-03-17
        due: RECORDS_RETENTION 2028-03-04, PATHWAY_REQUIRED 2025-03-04
        not_computable: ASSESSMENT_EXTENSION 2029
        ```

        ## Group

        ```yaml group
        year: 2026
        handler: {name: A}
        ```

        ```yaml group
        year: 2026
        handler: {name: B}
        ```

        ```expect
        transfer: a-1
        approval: none
        ```

        ```yaml
        year: 2025
        handler: {name: C}
        ```

        ```expect
        transfer: c-1
        ```
        """;

    [Fact]
    public void Parse_Sample_FindsEveryExpectBlockWithItsLine()
    {
        var cases = ScenarioCase.Parse("sample.md", Sample);

        Assert.Equal(["sample.md:12", "sample.md:26", "sample.md:52", "sample.md:62"], cases.Select(@case => @case.Name));
        Assert.All(cases, @case => Assert.Null(@case.Error));
    }

    [Fact]
    public void Parse_FirstBlock_ReadsEveryField()
    {
        var first = ScenarioCase.Parse("sample.md", Sample)[0];

        Assert.Equal("SC-01 — De minimis", first.Heading);
        Assert.Equal("crm-q1", first.TransferId);
        Assert.Null(first.AsOf);
        Assert.Equal(Pathway.ExemptDeMinimis, first.Pathway);
        Assert.Equal(TransferStatus.Allowed, first.Status);
        Assert.Equal(new PersonCounts(60_000, 0), first.Counted);
        Assert.NotNull(first.Flags);
        Assert.Empty(first.Flags.Value);
        Assert.Equal([ObligationKind.Notice, ObligationKind.ProtectionImpactAssessment], first.Obligations);
        Assert.Equal(["R-PATH-5", "R-OBL-1"], first.Cites);
        Assert.False(first.ApprovalAsserted);
        Assert.Null(first.Regime);
        Assert.False(first.IsGroup);
        Assert.Equal([new CaseDeclaration("year: 2026\nhandler: {name: Example Co}", 7)], first.Declarations);
    }

    [Fact]
    public void Parse_SecondBlock_ReadsDatesListsAndRepeatedKeys()
    {
        var second = ScenarioCase.Parse("sample.md", Sample)[1];

        Assert.Equal(new DateOnly(2025, 3, 18), second.AsOf);
        Assert.Equal(Regime.NetworkDataRegulations, second.Regime);
        Assert.True(second.ApprovalAsserted);
        Assert.Equal("scc-1", second.Approval);
        Assert.Equal([Attention.LegalReview], second.Flags!.Value);
        Assert.Equal([Attention.SplitRisk], second.FlagsAbsent);
        Assert.Equal([ObligationKind.SeparateConsent], second.ObligationsAbsent);
        Assert.Equal([ObligationKind.ContractFiling], second.Overdue);
        Assert.Equal(
            [
                new ExpectedDue(ObligationKind.ContractFiling, new DateOnly(2025, 3, 17)),
                new ExpectedDue(ObligationKind.RecordsRetention, new DateOnly(2028, 3, 4)),
                new ExpectedDue(ObligationKind.PathwayRequired, new DateOnly(2025, 3, 4)),
            ],
            second.Due);
        Assert.Equal([new ExpectedMissingYear(ObligationKind.AssessmentExtension, 2029)], second.NotComputable);
        Assert.Null(second.Counted);
        Assert.Null(second.Pathway);

        // The text block between the two expect blocks does not end the declaration's scope.
        Assert.Equal(7, Assert.Single(second.Declarations).Line);
    }

    [Fact]
    public void Parse_ConsecutiveYamlGroupBlocks_FormOneGroup()
    {
        var group = ScenarioCase.Parse("sample.md", Sample)[2];

        Assert.True(group.IsGroup);
        Assert.Equal([42, 47], group.Declarations.Select(declaration => declaration.Line));
        Assert.True(group.ApprovalAsserted);
        Assert.Null(group.Approval);
    }

    [Fact]
    public void Parse_PlainYamlAfterGroup_StartsAFreshDeclaration()
    {
        var last = ScenarioCase.Parse("sample.md", Sample)[3];

        Assert.False(last.IsGroup);
        Assert.Equal(57, Assert.Single(last.Declarations).Line);
        Assert.Equal("Group", last.Heading);
    }

    [Theory]
    [InlineData("pathway: EXEMPT", "'EXEMPT' is not a pathway")]
    [InlineData("status: OK", "'OK' is not ALLOWED, HELD or BLOCKED")]
    [InlineData("flags: REVIEW", "'REVIEW' is not a flag")]
    [InlineData("obligations: NOTICE, CONSENT", "'CONSENT' is not an obligation")]
    [InlineData("counted: 60000", "'counted' must be 'non_sensitive/sensitive'")]
    [InlineData("due: SCC_FILING 17.03.2025", "'17.03.2025' is not a date")]
    [InlineData("due: SCC_FILING", "expected 'KIND value'")]
    [InlineData("not_computable: ASSESSMENT_EXTENSION soon", "'soon' is not a year")]
    [InlineData("regime: pipl", "'pipl' is not one of")]
    [InlineData("pathwya: BLOCKED", "unknown key 'pathwya'")] // a typo must not drop the assertion silently
    [InlineData("transfer: t-2", "'transfer' is given twice")]
    [InlineData("just words", "expected 'key: value'")]
    public void Parse_BadExpectLine_GivesACaseCarryingTheError(string line, string message)
    {
        string markdown = "```yaml\nyear: 2026\n```\n\n```expect\ntransfer: t-1\n" + line + "\n```\n";

        var @case = Assert.Single(ScenarioCase.Parse("bad.md", markdown));

        Assert.Equal("bad.md:5", @case.Name);
        Assert.NotNull(@case.Error);
        Assert.Contains(message, @case.Error, StringComparison.Ordinal);
        Assert.StartsWith("bad.md:7: ", @case.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExpectWithoutTransfer_IsAnError()
    {
        var @case = Assert.Single(ScenarioCase.Parse("bad.md", "```yaml\nyear: 2026\n```\n```expect\nstatus: HELD\n```\n"));

        Assert.Contains("'transfer' is required", @case.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExpectBeforeAnyYaml_IsAnError()
    {
        var @case = Assert.Single(ScenarioCase.Parse("bad.md", "# Title\n\n```expect\ntransfer: t-1\n```\n"));

        Assert.Equal("bad.md:3", @case.Name);
        Assert.Contains("needs a ```yaml block above it", @case.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedFence_IsAnError()
    {
        var @case = Assert.Single(ScenarioCase.Parse("bad.md", "```yaml\nyear: 2026\n```\n\n```expect\ntransfer: t-1\n"));

        Assert.Equal("bad.md:5", @case.Name);
        Assert.Contains("never closed", @case.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WindowsLineEndings_GiveTheSameCases()
    {
        var unix = ScenarioCase.Parse("sample.md", Sample);
        var windows = ScenarioCase.Parse("sample.md", Sample.ReplaceLineEndings("\r\n"));

        Assert.Equal(unix.Select(@case => @case.Name), windows.Select(@case => @case.Name));
        Assert.Equal(unix[0].Declarations, windows[0].Declarations);
    }

    [Fact]
    public void ToString_AnyCase_IsFileAndLine() =>
        Assert.Equal("sample.md:12", ScenarioCase.Parse("sample.md", Sample)[0].ToString());

    [Fact]
    public void ReadAll_CaseFiles_FindAtLeastTheCasesWritten() =>
        Assert.True(
            ScenarioCase.All.Length >= CasesWritten,
            $"Found {ScenarioCase.All.Length} cases in {ScenarioCase.CaseDirectory()}; at least {CasesWritten} were written.");

    [Fact]
    public void ReadAll_CaseFiles_ReadWithoutErrors()
    {
        var errors = ScenarioCase.All.Where(@case => @case.Error is not null).Select(@case => @case.Error).ToList();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void ReadAll_CaseFiles_HaveUniqueNames() =>
        Assert.Equal(ScenarioCase.All.Length, ScenarioCase.All.Select(@case => @case.Name).Distinct(StringComparer.Ordinal).Count());

    [Theory]
    [InlineData("thresholds.md", 21)]
    [InlineData("exemptions.md", 22)]
    [InlineData("important-data-and-ciio.md", 11)]
    [InlineData("free-trade-zones.md", 7)]
    [InlineData("automotive.md", 10)]
    [InlineData("procedure-and-timing.md", 16)]
    [InlineData("boundaries.md", 30)]
    public void ReadAll_SectionFile_HoldsAtLeastItsCases(string fileName, int written) =>
        Assert.True(
            ScenarioCase.All.Count(@case => string.Equals(@case.File, fileName, StringComparison.Ordinal)) >= written,
            $"{fileName} should hold at least {written} cases.");

    [Fact]
    public void ReadAll_CaseFiles_CoverEveryScenarioExceptVehicleCapture()
    {
        // SC-35, 36, 37, 43 and 44 test in-vehicle capture and anonymisation, which declarations do not describe.
        string[] required =
        [
            "SC-01", "SC-02", "SC-04", "SC-05", "SC-06", "SC-07", "SC-08",
            "SC-11", "SC-12", "SC-13", "SC-14", "SC-15", "SC-17", "SC-18", "SC-19", "SC-20", "SC-22",
            "SC-23", "SC-24", "SC-26", "SC-28", "SC-29",
            "SC-30", "SC-31",
            "SC-34", "SC-38", "SC-39", "SC-40", "SC-41", "SC-45", "SC-46",
            "SC-47", "SC-49", "SC-51", "SC-52", "SC-53", "SC-54",
        ];

        var covered = ScenarioCase.All
            .SelectMany(@case => ScenarioId().Matches(@case.Heading).Select(match => match.Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(required, id => Assert.Contains(id, covered));
    }

    [Fact]
    public void Mismatches_DecisionAsExpected_IsEmpty()
    {
        var scenario = Single("""
            transfer: crm-q1
            pathway: SCC_OR_CERTIFICATION
            status: HELD
            regime: network_data_regulations
            approval: scc-1
            counted: 150000/0
            flags: LEGAL_REVIEW
            flags_absent: SPLIT_RISK
            obligations: NOTICE, SCC_FILING
            obligations_absent: PIPIA
            overdue: SCC_FILING
            due: SCC_FILING 2025-03-17
            not_computable: ASSESSMENT_EXTENSION 2029
            cite: R-PATH-4
            """);
        var (assessment, decision) = SampleDecision();

        Assert.Empty(scenario.Mismatches(assessment, decision));
    }

    [Fact]
    public void Mismatches_DecisionDiffers_ListsEveryField()
    {
        var scenario = Single("""
            transfer: crm-q1
            pathway: SECURITY_ASSESSMENT
            status: ALLOWED
            regime: certification_measures
            approval: none
            counted: 150000/1
            flags: SPLIT_RISK
            flags_absent: LEGAL_REVIEW
            obligations: PIPIA
            obligations_absent: NOTICE
            overdue: NOTICE
            due: SCC_FILING 2025-03-18
            not_computable: ASSESSMENT_EXTENSION 2028
            cite: R-PATH-3
            """);
        var (assessment, decision) = SampleDecision();

        var mismatches = scenario.Mismatches(assessment, decision);

        Assert.Equal(
            [
                "pathway: expected SECURITY_ASSESSMENT, got SCC_OR_CERTIFICATION",
                "status: expected ALLOWED, got HELD",
                "regime: expected certification_measures, got network_data_regulations",
                "approval: expected none, got scc-1",
                "counted: expected 150000/1, got 150000/0",
                "flags: expected SPLIT_RISK, got LEGAL_REVIEW",
                "flags_absent: LEGAL_REVIEW must not be raised",
                "obligations: expected PIPIA",
                "obligations_absent: NOTICE must not be attached to the transfer",
                "overdue: expected NOTICE to be overdue",
                "due: expected SCC_FILING due 2025-03-18",
                "not_computable: expected ASSESSMENT_EXTENSION not computable for lack of 2028",
                "cite: expected a reason citing R-PATH-3",
            ],
            mismatches);
    }

    [Fact]
    public void Mismatches_FlagsNoneButAFlagRaised_ReportsIt()
    {
        var scenario = Single("transfer: crm-q1\nflags: none");
        var (assessment, decision) = SampleDecision();

        Assert.Equal(["flags: expected none, got LEGAL_REVIEW"], scenario.Mismatches(assessment, decision));
    }

    [Fact]
    public void Report_AnyMismatch_NamesTheCaseAndShowsTheDecisionsReasons()
    {
        var scenario = Single("transfer: crm-q1\npathway: SECURITY_ASSESSMENT");
        var (assessment, decision) = SampleDecision();

        string report = scenario.Report(new DateOnly(2025, 3, 18), scenario.Mismatches(assessment, decision), assessment, decision);

        Assert.Contains("case.md:6 (Heading) as of 2025-03-18: transfer 'crm-q1' does not match the case.", report, StringComparison.Ordinal);
        Assert.Contains("  - pathway: expected SECURITY_ASSESSMENT, got SCC_OR_CERTIFICATION", report, StringComparison.Ordinal);
        Assert.Contains("R-PATH-4 (P2024 Art. 8; CERTM Art. 5): 150,000 persons reach the Art. 8 band.", report, StringComparison.Ordinal);
        Assert.Contains("SCC_FILING due 2025-03-17 overdue", report, StringComparison.Ordinal);
        Assert.Contains("ASSESSMENT_EXTENSION not computable (2029)", report, StringComparison.Ordinal);
    }

    private static ScenarioCase Single(string expect)
    {
        string markdown = "# Heading\n\n```yaml\nyear: 2025\n```\n```expect\n" + expect.ReplaceLineEndings("\n") + "\n```\n";
        var scenario = Assert.Single(ScenarioCase.Parse("case.md", markdown));
        Assert.Null(scenario.Error);
        return scenario;
    }

    // A decision as the assessor would return it: SCC band, held because the filing is overdue.
    private static (AssessmentResult Assessment, TransferDecision Decision) SampleDecision()
    {
        var transfer = new Transfer
        {
            Id = "crm-q1",
            Date = new DateOnly(2025, 3, 4),
            Recipient = new Recipient("Example Parent Inc", "US", RecipientKind.Company),
        };
        var approval = new Approval { Id = "scc-1", Kind = ApprovalKind.StandardContract, Effective = new DateOnly(2025, 3, 3) };
        var decision = new TransferDecision
        {
            Transfer = transfer,
            Regime = Regime.NetworkDataRegulations,
            Pathway = Pathway.StandardContractOrCertification,
            Status = TransferStatus.Held,
            Counted = new PersonCounts(150_000, 0),
            Added = new PersonCounts(150_000, 0),
            Flags = [Attention.LegalReview],
            Reasons = [new Reason(RuleBook.ContractBand, "150,000 persons reach the Art. 8 band.", "达到第八条区间。")],
            Obligations = [new Obligation(ObligationKind.Notice, null, RuleBook.Notice, "Notify.", "告知。")],
            ApprovalId = "scc-1",
        };
        var summary = new ApprovalSummary
        {
            Approval = approval,
            Obligations =
            [
                new Obligation(ObligationKind.ContractFiling, new DateOnly(2025, 3, 17), RuleBook.ContractFiling, "File.", "备案。") { Overdue = true },
                new Obligation(ObligationKind.AssessmentExtension, null, RuleBook.AssessmentExtension, "Extend.", "延期。") { NotComputableYear = 2029 },
            ],
        };
        var assessment = new AssessmentResult
        {
            Declaration = new Declaration
            {
                Year = 2025,
                Handler = new HandlerProfile { Name = "Example Co" },
                Approvals = [approval],
                Transfers = [transfer],
            },
            AsOf = new DateOnly(2025, 3, 18),
            Transfers = [decision],
            Approvals = [summary],
            YearTotals = new PersonCounts(150_000, 0),
        };
        return (assessment, decision);
    }

    [GeneratedRegex(@"SC-\d{2}")]
    private static partial Regex ScenarioId();
}
