using Outbound.Law;
using Spectre.Console.Testing;

namespace Outbound.Cli.Tests;

public sealed class AssessmentTextTests
{
    private readonly string _text = Render(SampleResults.Result());

    [Fact]
    public void Write_Header_NamesHandlerYearAsOfAndTotals()
    {
        Assert.Contains("示例科技（上海）有限公司 · 2026 · as of 2026-11-29 · sample.yaml", _text, StringComparison.Ordinal);
        Assert.Contains("Persons counted this year: 150,000 non-sensitive (N), 0 sensitive (S).", _text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SummaryTable_HasOneRowPerTransfer()
    {
        string[] rows = [.. _text.Split('\n').Where(line => line.Contains("crm-q", StringComparison.Ordinal) && line.Contains('│'))];

        Assert.Equal(2, rows.Length);
        Assert.Contains("EXEMPT_DE_MINIMIS", rows[0], StringComparison.Ordinal);
        Assert.Contains("ALLOWED", rows[0], StringComparison.Ordinal);
        Assert.Contains("60,000 / 0", rows[0], StringComparison.Ordinal);
        Assert.Contains("SCC_OR_CERTIFICATION", rows[1], StringComparison.Ordinal);
        Assert.Contains("HELD", rows[1], StringComparison.Ordinal);
        Assert.Contains("150,000 / 0", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Transfer_GivesReasonsWithRuleCitationAndTag()
    {
        Assert.Contains("R-PATH-5 P2024 Art. 5(4) [V] 60,000 persons counted this year", Squeeze(_text), StringComparison.Ordinal);
        Assert.Contains("R-PATH-4 P2024 Art. 8; CERTM Art. 5 [V] 150,000 persons counted", Squeeze(_text), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Obligations_AreInDueOrderWithOverdueMarked()
    {
        string text = Squeeze(_text);

        Assert.Contains("2026-03-13 overdue SCC_FILING File the standard contract", text, StringComparison.Ordinal);
        Assert.Contains("not computable ASSESSMENT_EXTENSION Apply to extend the assessment in the 60 working days before it expires. Not computable: the working-day calendar has no official holiday notice for 2029", text, StringComparison.Ordinal);
        Assert.True(
            text.IndexOf("2026-03-13 overdue SCC_FILING", StringComparison.Ordinal) < text.IndexOf("not computable ASSESSMENT_EXTENSION", StringComparison.Ordinal),
            "The dated obligation comes before the one whose date is not computable.");
        Assert.Contains("no fixed date NOTICE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Transfer_ShowsHeadroomFlagsWarningsAndApproval()
    {
        string text = Squeeze(_text);

        Assert.Contains("Headroom: 40,000 more persons, or 1 more person with sensitive personal information, before a standard contract or certification is needed.", text, StringComparison.Ordinal);
        Assert.Contains("Flags: LEGAL_REVIEW (Legal review), NOT_COMPUTABLE (Deadline not computable)", text, StringComparison.Ordinal);
        Assert.Contains("Warning: The standard contract has not been filed.", text, StringComparison.Ordinal);
        Assert.Contains("Relies on approval scc-1.", text, StringComparison.Ordinal);
        Assert.Contains("Interpretations: group_volumes_aggregated=true (overridden)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Approvals_AreTabulated()
    {
        string row = Assert.Single(_text.Split('\n'), line => line.Contains("scc-1", StringComparison.Ordinal) && line.Contains('│'));

        Assert.Contains("standard_contract", row, StringComparison.Ordinal);
        Assert.Contains("2026-03-01", row, StringComparison.Ordinal);
        Assert.Contains("active", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DeclarationTextWithMarkupBrackets_IsPrintedLiterally()
    {
        var transfer = SampleResults.CrmFirstQuarter with { Id = "crm-[bold]", Recipient = new("[red]ACME[/]", "DE", RecipientKind.Company) };
        var result = SampleResults.AllowedOnly() with { Transfers = [SampleResults.Exempt with { Transfer = transfer }] };

        string text = Render(result);

        Assert.Contains("crm-[bold] 2026-01-15 → [red]ACME[/] (DE)", text, StringComparison.Ordinal);
    }

    private static string Render(AssessmentResult result)
    {
        using var console = new TestConsole();
        console.Profile.Width = 240;
        AssessmentText.Write(console, result);
        return console.Output.ReplaceLineEndings("\n");
    }

    // Grids pad their columns; compare words, not spacing.
    private static string Squeeze(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
