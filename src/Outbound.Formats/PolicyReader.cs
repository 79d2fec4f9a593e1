using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Law;

namespace Outbound.Formats;

/// <summary>A policy read from a file, or every error found in it, with the digest of the file's bytes.</summary>
/// <param name="Policy">The policy, when there are no errors.</param>
/// <param name="Digest">SHA-256 of the file's bytes in lower-case hex, for the audit log; recorded even when the file has errors.</param>
/// <param name="Errors">Every error, in file order.</param>
internal sealed record PolicyReadResult(Policy? Policy, string Digest, ImmutableArray<SchemaError> Errors);

/// <summary>Reads de-identification policy files (YAML, or the same schema as JSON); the schema is in docs/policy.md.</summary>
/// <remarks>
/// Errors are collected as a declaration's are: each with the file, line, column, field path and what was
/// expected, and unknown fields rejected. Once the schema is clean, <see cref="PolicyValidator"/> checks the policy
/// itself (an anonymised claim, one rule per type, coarser levels), and its problems are placed on the rule concerned.
/// A policy is returned only when there is no error.
/// </remarks>
internal static class PolicyReader
{
    private const int MaxKeep = 64;
    private const int MaxK = 1_000_000;

    private static readonly ImmutableArray<string> RootFields = ["policy", "output", "k_anonymity", "default", "rules"];

    private static readonly ImmutableArray<string> KAnonymityFields = ["k", "quasi_identifiers", "on_small_class"];

    private static readonly ImmutableArray<string> SelectorFields = ["field", "type", "category"];

    private static readonly ImmutableDictionary<OperatorKind, ImmutableArray<string>> Parameters = new Dictionary<OperatorKind, ImmutableArray<string>>
    {
        [OperatorKind.Keep] = [],
        [OperatorKind.Drop] = [],
        [OperatorKind.Redact] = ["with"],
        [OperatorKind.Label] = [],
        [OperatorKind.Mask] = ["keep_first", "keep_last", "mask_char"],
        [OperatorKind.Token] = [],
        [OperatorKind.Fpe] = ["radix", "tweak"],
        [OperatorKind.Generalise] = ["to", "width", "coarser"],
        [OperatorKind.Coarsen] = ["decimals", "cell_metres", "datum", "coarser"],
        [OperatorKind.Bucket] = ["to", "offset", "coarser"],
    }.ToImmutableDictionary();

    private static readonly ImmutableArray<string> AllParameters = [.. Parameters.Values.SelectMany(names => names).Distinct()];

    private static readonly ImmutableArray<string> RuleFields = [.. SelectorFields, "op", .. AllParameters];

    private static readonly ImmutableArray<string> DefaultFields = ["op", .. AllParameters];

    private static readonly ImmutableArray<string> OperatorNames = [.. Enum.GetValues<OperatorKind>().Select(Operation.WireNameOf)];

    private static readonly ImmutableArray<string> TypeNames = [.. IdentifierCatalog.All.Select(info => info.WireName)];

    private static readonly ImmutableArray<string> CategoryCodes = [.. DataCategories.All.Select(category => category.Code)];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a policy from the bytes of a file; <paramref name="source"/> names it in errors.</summary>
    public static PolicyReadResult Read(ReadOnlySpan<byte> bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string digest = Digest(bytes);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var errors = new SchemaErrorList(source);
            errors.Add(1, 1, "", PolicyMessages.NotUtf8);
            return new PolicyReadResult(null, digest, errors.ToImmutableArray());
        }

        return ReadText(text, source, digest);
    }

    /// <summary>Reads a policy from <paramref name="text"/>; the digest is of its UTF-8 bytes.</summary>
    public static PolicyReadResult Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return ReadText(text, source, Digest(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Reads the policy file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static PolicyReadResult ReadFile(string path) => Read(File.ReadAllBytes(path), path);

    /// <summary>Returns SHA-256 of <paramref name="bytes"/> in lower-case hex.</summary>
    public static string Digest(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static PolicyReadResult ReadText(string text, string source, string digest)
    {
        var errors = new SchemaErrorList(source);
        var parts = new Dictionary<string, SchemaCursor>(StringComparer.Ordinal);
        Policy? policy = DocumentLoader.Load(text, source, errors, PolicyMessages.EmptyFile) is { } root
            ? ReadPolicy(new SchemaCursor(root, "", errors), source, parts)
            : null;

        // The validator judges the policy as a whole; on a file with schema errors it would judge placeholders.
        if (errors.IsEmpty && policy is not null)
        {
            foreach (PolicyProblem problem in PolicyValidator.Validate(policy))
            {
                (parts.GetValueOrDefault(problem.Part) ?? parts[""]).Report(problem.Message);
            }
        }

        return errors.IsEmpty && policy is not null
            ? new PolicyReadResult(policy, digest, [])
            : new PolicyReadResult(null, digest, errors.ToImmutableArray());
    }

    private static Policy? ReadPolicy(SchemaCursor cursor, string source, Dictionary<string, SchemaCursor> parts)
    {
        parts[""] = cursor;
        parts["policy"] = cursor;
        if (cursor.AsMap(RootFields) is not { } map)
        {
            return null;
        }

        if (map.Optional("k_anonymity") is { } kCursor)
        {
            parts["k_anonymity"] = kCursor;
        }

        if (map.Optional("default") is { } defaultCursor)
        {
            parts["default"] = defaultCursor;
        }

        return new Policy
        {
            Name = map.Required("policy")?.AsNonEmptyText() ?? "",
            Output = map.Required("output")?.AsText(ParseWord<PolicyOutput>, found => Messages.ExpectedWord(PolicyWords.All<PolicyOutput>(), found)) is { } output
                ? Enum.Parse<PolicyOutput>(output, ignoreCase: true)
                : PolicyOutput.Deidentified,
            KAnonymity = ReadKAnonymity(map.Nullable("k_anonymity")),
            Default = map.Optional("default") is { } defaultOperation ? ReadDefault(defaultOperation) ?? new LabelOperation() : new LabelOperation(),
            Rules = [.. (map.Optional("rules")?.AsList() ?? []).Select((rule, i) => ReadRule(rule, i, parts)).OfType<PolicyRule>()],
            Source = source,
        };
    }

    private static KAnonymitySettings? ReadKAnonymity(SchemaCursor? cursor)
    {
        if (cursor?.AsMap(KAnonymityFields) is not { } map)
        {
            return null;
        }

        return new KAnonymitySettings
        {
            K = (int?)map.Optional("k")?.AsWholeNumber(2, MaxK) ?? KAnonymitySettings.DefaultK,
            QuasiIdentifiers = [.. (map.Required("quasi_identifiers")?.AsList() ?? []).Select(item => item.AsNonEmptyText()).OfType<string>()],
            OnSmallClass = ReadWord(map.Optional("on_small_class"), SmallClassAction.Generalise),
        };
    }

    private static Operation? ReadDefault(SchemaCursor cursor) =>
        cursor.AsMap(DefaultFields) is { } map ? ReadOperation(cursor, map) : null;

    private static PolicyRule? ReadRule(SchemaCursor cursor, int index, Dictionary<string, SchemaCursor> parts)
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"rules[{index}]");
        parts[name] = cursor;
        if (cursor.AsMap(RuleFields) is not { } map)
        {
            return null;
        }

        RuleSelector? selector = ReadSelector(cursor, map);
        Operation? operation = ReadOperation(cursor, map);
        return selector is not null && operation is not null ? new PolicyRule(selector, operation, name) : null;
    }

    private static RuleSelector? ReadSelector(SchemaCursor rule, FieldMap map)
    {
        RuleSelector? selector = null;
        string? first = null;
        foreach (string kind in SelectorFields)
        {
            if (map.Optional(kind) is not { } cursor)
            {
                continue;
            }

            if (first is not null)
            {
                cursor.Report(PolicyMessages.SecondSelector(first));
                continue;
            }

            first = kind;
            selector = kind switch
            {
                "field" => cursor.AsNonEmptyText() is { } pattern ? RuleSelector.Field(pattern) : null,
                "type" => cursor.AsText(
                    wire => IdentifierCatalog.TryParse(wire, out IdentifierType type) ? RuleSelector.OfType(type) : null,
                    found => PolicyMessages.ExpectedType(TypeNames, found)),
                _ => cursor.AsText(
                    code => DataCategories.TryGet(code, out DataCategory? category) ? RuleSelector.OfCategory(category) : null,
                    found => Messages.ExpectedCategory(CategoryCodes, found)),
            };
        }

        if (first is null)
        {
            rule.Report(PolicyMessages.NoSelector);
        }

        return selector;
    }

    private static Operation? ReadOperation(SchemaCursor at, FieldMap map)
    {
        if (map.Required("op")?.AsText(ParseWord<OperatorKind>, found => Messages.ExpectedWord(OperatorNames, found)) is not { } word)
        {
            return null;
        }

        var kind = Enum.Parse<OperatorKind>(word, ignoreCase: true);
        ImmutableArray<string> allowed = Parameters[kind];
        bool misplaced = false;
        foreach (var (field, cursor) in map.Present)
        {
            if (AllParameters.Contains(field, StringComparer.Ordinal) && !allowed.Contains(field, StringComparer.Ordinal))
            {
                cursor.Report(PolicyMessages.NotForOperator(field, Operation.WireNameOf(kind), allowed));
                misplaced = true;
            }
        }

        Operation? operation = kind switch
        {
            OperatorKind.Keep => new KeepOperation(),
            OperatorKind.Drop => new DropOperation(),
            OperatorKind.Label => new LabelOperation(),
            OperatorKind.Token => new TokenOperation(),
            OperatorKind.Redact => new RedactOperation(map.Optional("with") is { } with ? with.AsText() ?? "" : ""),
            OperatorKind.Mask => ReadMask(map),
            OperatorKind.Fpe => ReadFpe(map),
            OperatorKind.Generalise => ReadGeneralise(map),
            OperatorKind.Coarsen => ReadCoarsen(at, map),
            _ => ReadBucket(map),
        };
        return misplaced ? null : operation;
    }

    private static MaskOperation ReadMask(FieldMap map) => new(
        (int?)map.Optional("keep_first")?.AsWholeNumber(0, MaxKeep),
        (int?)map.Optional("keep_last")?.AsWholeNumber(0, MaxKeep),
        map.Optional("mask_char")?.AsText(
            text => text is [var c] && !char.IsLetterOrDigit(c) && !char.IsSurrogate(c) ? text : null,
            found => PolicyMessages.ExpectedFound(PolicyMessages.ExpectedMaskCharacter, found)) is [var mask] ? mask : '*');

    private static FpeOperation ReadFpe(FieldMap map)
    {
        FpeAlphabet alphabet = FpeAlphabet.Digits;
        if (map.Optional("radix") is { } radix && radix.AsText(
            text => text is "10" or "36" or "62" ? text : null,
            found => PolicyMessages.ExpectedFound(PolicyMessages.ExpectedRadix, found)) is { } value)
        {
            alphabet = (FpeAlphabet)int.Parse(value, CultureInfo.InvariantCulture);
        }

        return new FpeOperation(alphabet, map.Optional("tweak")?.AsText());
    }

    private static GeneraliseOperation? ReadGeneralise(FieldMap map)
    {
        SchemaCursor? toCursor = map.Required("to");
        GeneraliseLevel? to = toCursor is null ? null : ReadWord<GeneraliseLevel>(toCursor);
        if (to is not { } level)
        {
            return null;
        }

        int width = Generalisation.DefaultBandWidth;
        if (map.Optional("width") is { } widthCursor)
        {
            if (level != GeneraliseLevel.AgeBand)
            {
                widthCursor.Report(PolicyMessages.WidthNeedsAgeBand(PolicyWords.Level(level)));
            }
            else
            {
                width = (int?)widthCursor.AsWholeNumber(2, 150) ?? width;
            }
        }

        ImmutableArray<SchemaCursor> coarser = map.Optional("coarser")?.AsList() ?? [];
        return new GeneraliseOperation(level, width)
        {
            Coarser = level == GeneraliseLevel.AgeBand
                ? [.. coarser.Select(item => item.AsWholeNumber(2, 150) is { } next ? new GeneraliseOperation(GeneraliseLevel.AgeBand, (int)next) : null).OfType<GeneraliseOperation>()]
                : [.. coarser.Select(item => ReadWord<GeneraliseLevel>(item) is { } next ? new GeneraliseOperation(next) : null).OfType<GeneraliseOperation>()],
        };
    }

    private static CoarsenOperation? ReadCoarsen(SchemaCursor at, FieldMap map)
    {
        SchemaCursor? decimalsCursor = map.Optional("decimals");
        SchemaCursor? cellsCursor = map.Optional("cell_metres");
        if ((decimalsCursor is null) == (cellsCursor is null))
        {
            (cellsCursor ?? at).Report(PolicyMessages.DecimalsOrCells);
            return null;
        }

        int? decimals = (int?)decimalsCursor?.AsWholeNumber(0, LocationCoarsening.MaxDecimals);
        int? cells = (int?)cellsCursor?.AsWholeNumber(LocationCoarsening.MinCellMetres, LocationCoarsening.MaxCellMetres);
        GeodeticDatum datum = ReadWord(map.Optional("datum"), GeodeticDatum.Wgs84);
        ImmutableArray<SchemaCursor> coarser = map.Optional("coarser")?.AsList() ?? [];
        if (decimals is null && cells is null)
        {
            return null;
        }

        return new CoarsenOperation(decimals, cells, datum)
        {
            Coarser = decimals is not null
                ? [.. coarser.Select(item => item.AsWholeNumber(0, LocationCoarsening.MaxDecimals) is { } next ? new CoarsenOperation((int)next, null) : null).OfType<CoarsenOperation>()]
                : [.. coarser.Select(item => item.AsWholeNumber(LocationCoarsening.MinCellMetres, LocationCoarsening.MaxCellMetres) is { } next ? new CoarsenOperation(null, (int)next) : null).OfType<CoarsenOperation>()],
        };
    }

    private static BucketOperation? ReadBucket(FieldMap map)
    {
        SchemaCursor? toCursor = map.Required("to");
        TimeUnit? unit = toCursor is null ? null : ReadWord<TimeUnit>(toCursor);
        TimeSpan? offset = map.Optional("offset")?.AsText(
            text => ParseOffset(text) is { } parsed ? text : null,
            found => PolicyMessages.ExpectedFound(PolicyMessages.ExpectedOffset, found)) is { } written
            ? ParseOffset(written)
            : null;
        ImmutableArray<TimeUnit> coarser = [.. (map.Optional("coarser")?.AsList() ?? []).Select(ReadWord<TimeUnit>).OfType<TimeUnit>()];
        return unit is { } to ? new BucketOperation(to, offset) { Coarser = coarser } : null;
    }

    private static TimeSpan? ParseOffset(string text)
    {
        if (text.Length == 6 && text[0] is '+' or '-' && text[3] == ':'
            && int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hours)
            && int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int minutes)
            && minutes < 60 && (hours * 60) + minutes <= 14 * 60)
        {
            var offset = new TimeSpan(hours, minutes, 0);
            return text[0] == '-' ? -offset : offset;
        }

        return null;
    }

    private static TEnum? ReadWord<TEnum>(SchemaCursor cursor)
        where TEnum : struct, Enum =>
        cursor.AsText(ParseWord<TEnum>, found => Messages.ExpectedWord(PolicyWords.All<TEnum>(), found)) is { } word
            ? Enum.Parse<TEnum>(word, ignoreCase: true)
            : null;

    private static TEnum ReadWord<TEnum>(SchemaCursor? cursor, TEnum absent)
        where TEnum : struct, Enum =>
        cursor is null ? absent : ReadWord<TEnum>(cursor) ?? absent;

    // The member's name for Enum.Parse when the text is one of the wire names, else null.
    private static string? ParseWord<TEnum>(string text)
        where TEnum : struct, Enum =>
        PolicyWords.TryParse(text, out TEnum value) ? value.ToString() : null;
}
