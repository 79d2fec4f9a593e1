using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Outbound.Formats;
using Outbound.Law;

namespace Outbound.Core.Tests.Law;

/// <summary>
/// Runs every <c>```expect</c> block of <c>Law/Cases/*.md</c>: the worked scenarios, written for lawyers.
/// </summary>
/// <remarks>A failure names the case file and line and shows the decision with its reasons.</remarks>
public sealed class ScenarioCaseTests
{
    private static readonly Assessor CaseAssessor = new(WorkingDayCalendar.Default);

    /// <summary>Gets one row per expect block, named <c>file.md:line</c>.</summary>
    public static TheoryData<string> Cases() => [.. ScenarioCase.All.Select(scenario => scenario.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assess_CaseFromFile_MatchesExpectation(string @case)
    {
        // Given
        var scenario = ScenarioCase.Find(@case);
        Assert.True(scenario.Error is null, scenario.Error);
        var declarations = scenario.Declarations.Select(block => Read(scenario, block)).ToList();
        var asOf = scenario.AsOf ?? new DateOnly(declarations[0].Year, 12, 31);

        // When
        ImmutableArray<AssessmentResult> results = scenario.IsGroup
            ? CaseAssessor.AssessAll(declarations, asOf)
            : [CaseAssessor.Assess(declarations[0], asOf)];

        // Then
        var found = results
            .SelectMany(result => result.Transfers.Select(decision => (Result: result, Decision: decision)))
            .Where(pair => string.Equals(pair.Decision.Transfer.Id, scenario.TransferId, StringComparison.Ordinal))
            .ToList();
        if (found.Count != 1)
        {
            Assert.Fail(Invariant(
                $"{scenario.Title(asOf)}: expected one decision for transfer '{scenario.TransferId}' but found {found.Count}."));
        }

        var (assessment, decision) = found[0];
        var mismatches = scenario.Mismatches(assessment, decision);
        if (!mismatches.IsEmpty)
        {
            Assert.Fail(scenario.Report(asOf, mismatches, assessment, decision));
        }
    }

    private static Declaration Read(ScenarioCase scenario, CaseDeclaration block)
    {
        var read = DeclarationReader.Read(block.Text, Invariant($"{scenario.File}:{block.Line}"));
        if (read.Errors.IsEmpty && read.Declaration is { } declaration)
        {
            return declaration;
        }

        // The reader numbers lines from the start of the YAML, which begins on the line after the fence.
        var errors = read.Errors.Select(error =>
            Invariant($"  {scenario.File}:{block.Line + error.Line}:{error.Column}: {error.Field}: {error.Message}"));
        Assert.Fail(
            Invariant($"{scenario.Name} ({scenario.Heading}): the declaration at {scenario.File}:{block.Line} does not read:{Environment.NewLine}")
            + string.Join(Environment.NewLine, errors));
        throw new UnreachableException();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
