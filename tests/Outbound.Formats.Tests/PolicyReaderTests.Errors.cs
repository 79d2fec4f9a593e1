namespace Outbound.Formats.Tests;

/// <summary>Schema errors, each with its position, field path and what was expected; all of them at once.</summary>
public sealed partial class PolicyReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("# a policy to be written\n")]
    public void Read_EmptyFile_ReportsWhatAPolicyNeeds(string text) =>
        AssertError(ReadSingleError(text), 1, 1, "", "The file is empty; expected a policy with at least the fields policy and output.");

    [Fact]
    public void Read_NotUtf8_ReportsIt()
    {
        PolicyReadResult result = PolicyReader.Read([(byte)'p', 0xC3, 0x28], Source);

        AssertError(Assert.Single(result.Errors), 1, 1, "", "The file is not valid UTF-8.");
    }

    [Fact]
    public void Read_RequiredFieldsMissing_ReportsBoth() =>
        Assert.Equal(
            [(1, 1, "policy", "The required field 'policy' is missing."), (1, 1, "output", "The required field 'output' is missing.")],
            ReadErrors("rules: []\n").Select(e => (e.Line, e.Column, e.Field, e.Message)));

    [Fact]
    public void Read_UnknownRootField_NamesTheAllowedOnes() =>
        AssertError(
            ReadSingleError("policy: p\noutput: deidentified\nk: 5\n"),
            3, 1, "k", "Unknown field 'k'. Allowed fields: policy, output, k_anonymity, default, rules.");

    [Fact]
    public void Read_UnknownOutput_NamesTheWords() =>
        AssertError(ReadSingleError("policy: p\noutput: pseudonymised\n"), 2, 9, "output", "Expected one of deidentified, anonymised; found pseudonymised.");

    [Fact]
    public void Read_UnknownOperator_NamesTheOperators() =>
        AssertError(
            ReadSingleError("policy: p\noutput: deidentified\nrules:\n  - type: EMAIL\n    op: hash\n"),
            5, 9, "rules[0].op", "Expected one of keep, drop, redact, label, mask, token, fpe, generalise, coarsen, bucket; found hash.");

    [Fact]
    public void Read_ParameterOfAnotherOperator_SaysWhichTheOperatorTakes() =>
        AssertError(
            ReadSingleError("policy: p\noutput: deidentified\nrules:\n  - type: VIN\n    op: mask\n    decimals: 2\n"),
            6, 15, "rules[0].decimals", "The field 'decimals' does not apply to op mask, which takes: keep_first, keep_last, mask_char.");

    [Fact]
    public void Read_ParameterOfAnOperatorWithNone_SaysSo() =>
        AssertError(
            ReadSingleError("policy: p\noutput: deidentified\ndefault: {op: token, radix: 10}\n"),
            3, 29, "default.radix", "The field 'radix' does not apply to op token, which takes no parameters.");

    [Fact]
    public void Read_UnknownRuleField_IsRejected() =>
        AssertError(
            ReadSingleError("policy: p\noutput: deidentified\nrules:\n  - type: VIN\n    op: mask\n    keep_middle: 2\n"),
            6, 5, "rules[0].keep_middle",
            "Unknown field 'keep_middle'. Allowed fields: field, type, category, op, with, keep_first, keep_last, mask_char, radix, tweak, to, width, coarser, decimals, cell_metres, datum, offset.");

    [Fact]
    public void Read_RuleWithTwoSelectors_ReportsTheSecond() =>
        AssertError(
            ReadSingleError("policy: p\noutput: deidentified\nrules:\n  - field: phone\n    type: CN_MOBILE\n    op: drop\n"),
            5, 11, "rules[0].type", "A rule selects by one of field, type or category; this one already selects by field.");

    [Fact]
    public void Read_RuleWithoutSelector_ReportsItAtTheRule() =>
        AssertError(
            ReadSingleError("policy: p\noutput: deidentified\nrules:\n  - op: drop\n"),
            4, 5, "rules[0]", "The rule selects nothing; give one of field, type or category.");

    [Fact]
    public void Read_UnknownType_NamesTheTypes()
    {
        SchemaError error = ReadSingleError("policy: p\noutput: deidentified\nrules:\n  - type: PHONE\n    op: drop\n");

        Assert.Equal((4, 11, "rules[0].type"), (error.Line, error.Column, error.Field));
        Assert.StartsWith("Expected an identifier type, one of CN_RESIDENT_ID, CN_PASSPORT,", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; found PHONE.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownCategory_NamesTheCodes()
    {
        SchemaError error = ReadSingleError("policy: p\noutput: deidentified\nrules:\n  - category: phones\n    op: drop\n");

        Assert.Equal((4, 15, "rules[0].category"), (error.Line, error.Column, error.Field));
        Assert.StartsWith("Expected a data category code, one of general, trade, contact,", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    op: coarsen\n", 4, 5, "rules[0]")]                                   // neither
    [InlineData("    op: coarsen\n    decimals: 2\n    cell_metres: 500\n", 7, 18, "rules[0].cell_metres")] // both
    public void Read_CoarsenWithoutExactlyOneMeasure_ReportsIt(string rest, int line, int column, string field) =>
        AssertError(
            ReadSingleError($"policy: p\noutput: deidentified\nrules:\n  - type: GPS_COORD\n{rest}"),
            line, column, field, "Expected exactly one of decimals or cell_metres.");

    [Theory]
    [InlineData("k_anonymity: {k: 1, quasi_identifiers: [city]}\n", 3, 18, "k_anonymity.k", "Expected a whole number from 2 to 1000000; found 1.")]
    [InlineData("k_anonymity: {k: 5}\n", 3, 14, "k_anonymity.quasi_identifiers", "The required field 'quasi_identifiers' is missing.")]
    [InlineData("rules:\n  - field: ts\n    op: bucket\n    to: week\n", 6, 9, "rules[0].to", "Expected one of minute, hour, day, month, year; found week.")]
    [InlineData("rules:\n  - field: ts\n    op: bucket\n    to: hour\n    offset: \"8\"\n", 7, 13, "rules[0].offset", "Expected a UTC offset written +HH:MM or -HH:MM, within ±14:00; found \"8\".")]
    [InlineData("rules:\n  - field: birth\n    op: generalise\n    to: year\n    width: 5\n", 7, 12, "rules[0].width", "The field 'width' applies to age_band only; this rule generalises to year.")]
    [InlineData("rules:\n  - type: CN_MOBILE\n    op: fpe\n    radix: 16\n", 6, 12, "rules[0].radix", "Expected 10 (digits), 36 (digits and upper-case letters) or 62 (digits and letters); found 16.")]
    [InlineData("rules:\n  - type: CN_MOBILE\n    op: mask\n    mask_char: X\n", 6, 16, "rules[0].mask_char", "Expected one character that is not a letter or digit, such as *; found X.")]
    [InlineData("rules:\n  - type: GPS_COORD\n    op: coarsen\n    decimals: 2\n    datum: bd09\n", 7, 12, "rules[0].datum", "Expected one of wgs84, gcj02; found bd09.")]
    public void Read_BadParameter_ReportsWhatWasExpected(string rest, int line, int column, string field, string message) =>
        AssertError(ReadSingleError($"policy: p\noutput: deidentified\n{rest}"), line, column, field, message);

    [Fact]
    public void Read_AnonymisedClaimBroken_ReportsTheValidatorsProblemAtTheRule()
    {
        SchemaError error = ReadSingleError("""
            policy: leaky
            output: anonymised
            rules:
              - type: EMAIL
                op: drop
              - field: driver.phone
                op: token
            """);

        Assert.Equal((6, 5, "rules[1]"), (error.Line, error.Column, error.Field));
        Assert.StartsWith("The rule (field driver.phone) applies token to the whole value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnonymisedClaimWithKeepDefault_ReportsItAtTheDefault()
    {
        SchemaError error = ReadSingleError("policy: p\noutput: anonymised\ndefault: {op: keep}\n");

        Assert.Equal((3, 10, "default"), (error.Line, error.Column, error.Field));
        Assert.StartsWith("The default applies keep to CN_RESIDENT_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateTypeRule_ReportsTheSecond() =>
        AssertError(
            ReadSingleError("policy: p\noutput: deidentified\nrules:\n  - {type: EMAIL, op: drop}\n  - {type: EMAIL, op: label}\n"),
            5, 5, "rules[1]", "The rule selects type EMAIL, which rules[0] already selects.");

    [Fact]
    public void Read_SeveralErrors_ReportsAllInFileOrder()
    {
        var errors = ReadErrors("""
            policy: ""
            output: anonymised
            k_anonymity: {k: 0, quasi_identifiers: []}
            rules:
              - type: VIN
                op: mask
                keep_first: -1
              - category: nothing
                op: drop
              - field: ts
                op: bucket
            """);

        Assert.Equal(
            [
                (1, 9, "policy"),
                (3, 18, "k_anonymity.k"),
                (7, 17, "rules[0].keep_first"),
                (8, 15, "rules[1].category"),
                (10, 5, "rules[2].to"),
            ],
            errors.Select(e => (e.Line, e.Column, e.Field)));
    }

    [Fact]
    public void Read_Error_TextNamesFileLineColumnAndField() =>
        Assert.Equal(
            "policy.yaml:2:9: output: Expected one of deidentified, anonymised; found maybe.",
            ReadSingleError("policy: p\noutput: maybe\n").ToString());
}
