using System.Collections.Immutable;
using System.Globalization;
using Outbound.Law;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Outbound.Formats;

/// <summary>
/// One node of a declaration document together with its field path; reads the node as a schema type and reports
/// what was expected when it is something else.
/// </summary>
/// <remarks>
/// Each <c>As…</c> method returns <see langword="null"/> after reporting an error, so callers never report twice.
/// Numbers, booleans and null must be plain (unquoted) scalars, as in JSON; dates and texts may be quoted.
/// </remarks>
internal sealed class SchemaCursor(YamlNode node, string path, SchemaErrorList errors)
{
    private const int ShownCharacters = 40;

    /// <summary>Gets the field path, e.g. <c>transfers[1].items[0].overlap</c>; empty for the document root.</summary>
    public string Path => path;

    /// <summary>Gets the one-based line the node starts on.</summary>
    public long Line => node.Start.Line;

    /// <summary>Gets a value indicating whether the node is <c>null</c>, <c>~</c> or an empty value.</summary>
    public bool IsNull => node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "null" or "~" };

    /// <summary>Reports an error at this node.</summary>
    public void Report(string message) => errors.Add(node.Start, path, message);

    /// <summary>Returns a cursor on <paramref name="child"/>, the value (or key) of the field <paramref name="name"/>.</summary>
    public SchemaCursor Field(YamlNode child, string name) =>
        new(child, path.Length == 0 ? name : $"{path}.{name}", errors);

    /// <summary>Returns a cursor on <paramref name="other"/> with this cursor's path, e.g. for a map's key.</summary>
    public SchemaCursor At(YamlNode other) => new(other, path, errors);

    /// <summary>Reports that this map lacks the required field <paramref name="name"/>.</summary>
    public void ReportMissing(string name) => Field(node, name).Report(Messages.MissingField(name));

    /// <summary>Reads a map whose keys must be among <paramref name="fields"/>.</summary>
    public FieldMap? AsMap(ImmutableArray<string> fields) =>
        AsMap(fields, name => Messages.UnknownField(name, fields));

    /// <summary>Reads a map whose keys must be among <paramref name="fields"/>; other keys are reported with <paramref name="unknown"/>.</summary>
    public FieldMap? AsMap(ImmutableArray<string> fields, Func<string, string> unknown)
    {
        if (node is YamlMappingNode map)
        {
            return new FieldMap(this, map, fields, unknown);
        }

        Report(path.Length == 0 ? Messages.ExpectedRootMap(Describe()) : Messages.ExpectedMap(Describe()));
        return null;
    }

    /// <summary>Reads a list; each element gets the path <c>path[i]</c>.</summary>
    public ImmutableArray<SchemaCursor> AsList()
    {
        if (node is YamlSequenceNode list)
        {
            return [.. list.Children.Select((item, i) => new SchemaCursor(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), errors))];
        }

        Report(Messages.ExpectedList(Describe()));
        return [];
    }

    /// <summary>Reads any non-null scalar as text.</summary>
    public string? AsText() => AsText(text => text, Messages.ExpectedText);

    /// <summary>Reads a text that is not empty or blank.</summary>
    public string? AsNonEmptyText()
    {
        string? text = AsText();
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Report(Messages.ExpectedNonEmptyText);
            return null;
        }

        return text;
    }

    /// <summary>Reads a text and converts it with <paramref name="parse"/>, which returns <see langword="null"/> for a bad value.</summary>
    /// <param name="parse">Converts the text.</param>
    /// <param name="expected">Builds the message from the description of what was found.</param>
    public T? AsText<T>(Func<string, T?> parse, Func<string, string> expected)
        where T : class
    {
        T? value = Scalar() is { } text ? parse(text) : null;
        if (value is null)
        {
            Report(expected(Describe()));
        }

        return value;
    }

    /// <summary>Reads a declaration word such as <c>standard_contract</c>.</summary>
    public TEnum? AsWord<TEnum>()
        where TEnum : struct, Enum
    {
        if (Scalar() is { } word && WireNames.TryParseDeclarationWord(word, out TEnum value))
        {
            return value;
        }

        Report(Messages.ExpectedWord(WireNames.DeclarationWords<TEnum>(), Describe()));
        return null;
    }

    /// <summary>Reads a whole number of 0 or more.</summary>
    public long? AsCount() => AsWholeNumber(0, long.MaxValue, Messages.ExpectedCount);

    /// <summary>Reads a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public long? AsWholeNumber(long min, long max) =>
        AsWholeNumber(min, max, found => Messages.ExpectedWholeNumber(min, max, found));

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public bool? AsBoolean()
    {
        switch (PlainScalar())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                Report(Messages.ExpectedBoolean(Describe()));
                return null;
        }
    }

    /// <summary>Reads a date written YYYY-MM-DD.</summary>
    public DateOnly? AsDate()
    {
        if (Scalar() is { Length: 10 } text
            && text[4] == '-' && text[7] == '-'
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        Report(Messages.ExpectedDate(Describe()));
        return null;
    }

    /// <summary>Describes the node for "found …": <c>-5</c>, <c>"5"</c> (quoted), <c>null</c>, <c>nothing</c>, <c>a list</c>.</summary>
    public string Describe() => node switch
    {
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" } => "nothing",
        YamlScalarNode when IsNull => "null",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } value } => Shorten(value),
        YamlScalarNode { Value: { } value } => $"\"{Shorten(value)}\"",
        _ => "an unsupported value",
    };

    private long? AsWholeNumber(long min, long max, Func<string, string> expected)
    {
        // Digits with an optional sign only: no 1_000, 0x10, 1e3 or 1.0, so YAML and JSON agree on what a count is.
        if (PlainScalar() is { Length: > 0 } text
            && text.AsSpan(text[0] is '-' or '+' ? 1 : 0) is { Length: > 0 } digits
            && !digits.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            && value >= min && value <= max)
        {
            return value;
        }

        Report(expected(Describe()));
        return null;
    }

    private string? Scalar() => node is YamlScalarNode scalar && !IsNull ? scalar.Value : null;

    private string? PlainScalar() => node is YamlScalarNode { Style: ScalarStyle.Plain } && !IsNull ? Scalar() : null;

    private static string Shorten(string value)
    {
        string oneLine = value.ReplaceLineEndings(" ");
        return oneLine.Length <= ShownCharacters ? oneLine : string.Concat(oneLine.AsSpan(0, ShownCharacters), "…");
    }
}
