using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Outbound.Detection;

namespace Outbound.Deidentification;

/// <summary>
/// Applies a policy to records on their way out: each field's value is rewritten by the rule for the field, or each
/// identifier the scanner found in it by the rule for its type or category, or the default.
/// </summary>
/// <remarks>
/// <para>
/// Built once from a <see cref="Policy"/> and the <see cref="DeidentificationKeys"/>; the constructor validates the
/// policy (<see cref="PolicyValidator"/>) and refuses an invalid one, so no record moves under a policy that breaks
/// its claim. Instances are immutable and thread-safe; share one across the pipeline.
/// </para>
/// <para>
/// A field rule applies to the whole value. <c>drop</c> by any rule leaves the whole field out. An identifier whose
/// operator cannot read it (a generalisation of a date that is no date) is replaced by its type label and reported in
/// <see cref="TransformedRecord.Fallbacks"/>: nothing is ever released untransformed by accident. Coordinates under a
/// grid or a GCJ-02 coarsening are paired within the record first (the <c>lat</c> and <c>lon</c> fields, matched by
/// name, or the only latitude and longitude), since the grid's cell width and the datum conversion need both halves.
/// </para>
/// </remarks>
[System.Runtime.CompilerServices.SkipLocalsInit]
public sealed class RecordTransformer
{
    private const int MaxCachedFieldNames = 4096;
    private const int MaxStackChars = 256;
    private const int RemainingSlotBits = 4;
    private const int RemainingSlots = 1 << RemainingSlotBits;

    private static readonly IdentifierType[] AllTypes = Enum.GetValues<IdentifierType>();
    private static readonly TypeLabel UntypedLabel = new(null);
    private static readonly TypeLabel[] Labels = [.. AllTypes.Select(type => new TypeLabel(type))];
    private static readonly string[] LatitudeWords = ["latitude", "lat", "纬度"];
    private static readonly string[] LongitudeWords = ["longitude", "long", "lng", "lon", "经度"];
    private static readonly uint SensitiveTypes = AllTypes.Where(type => IdentifierCatalog.Get(type).IsSensitive).Aggregate(0u, (all, type) => all | (1u << (int)type));
    private static readonly uint PersonalTypes = AllTypes.Where(type => IdentifierCatalog.Get(type).IsPersonalInformation).Aggregate(0u, (all, type) => all | (1u << (int)type));
    private static readonly Comparison<Finding> ByPosition = static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length);

    private readonly Policy _policy;
    private readonly Compiled?[] _byType;
    private readonly Dictionary<PolicyRule, Compiled> _fieldRules = [];
    private readonly ConcurrentDictionary<string, FieldPlan> _plans = new(StringComparer.Ordinal);
    private readonly bool _pairsCoordinates;

    private readonly FieldNameCache<FieldPlan> _recentPlans = new();
    private readonly RemainingSet?[] _remainingSets = new RemainingSet?[RemainingSlots];

    /// <summary>Initializes a new instance of the <see cref="RecordTransformer"/> class.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="keys">The keys of the keyed operators.</param>
    /// <exception cref="ArgumentException">The policy is invalid, or it tokenises or encrypts and the key is missing.</exception>
    public RecordTransformer(Policy policy, DeidentificationKeys keys)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(keys);

        ImmutableArray<PolicyProblem> problems = PolicyValidator.Validate(policy);
        if (!problems.IsEmpty)
        {
            throw new ArgumentException($"The policy '{policy.Name}' is invalid. {string.Join(" ", problems)}", nameof(policy));
        }

        Operation[] operations = [policy.Default, .. policy.Rules.Select(rule => rule.Operation)];
        if (operations.Any(OperationRules.NeedsTokenKey) && keys.TokenKeyId is null)
        {
            throw new ArgumentException($"The policy '{policy.Name}' tokenises, and no token key was given.", nameof(keys));
        }

        if (operations.Any(OperationRules.NeedsFpeKey) && keys.FpeKeyId is null)
        {
            throw new ArgumentException($"The policy '{policy.Name}' encrypts (fpe), and no encryption key was given.", nameof(keys));
        }

        _policy = policy;
        var compiled = new Dictionary<Operation, Compiled>(ReferenceEqualityComparer.Instance);
        Compiled Compile(Operation operation, string name)
        {
            if (!compiled.TryGetValue(operation, out Compiled? result))
            {
                compiled[operation] = result = new Compiled(operation, name, keys);
            }

            return result;
        }

        Compiled defaultOperation = Compile(policy.Default, "default");
        _byType = [.. AllTypes.Select(type => policy.RuleFor(type) is { } rule ? Compile(rule.Operation, rule.Name) : defaultOperation)];
        foreach (PolicyRule rule in policy.Rules.Where(rule => rule.Selector.Kind == SelectorKind.Field))
        {
            _fieldRules[rule] = Compile(rule.Operation, rule.Name);
        }

        _pairsCoordinates = compiled.Values.Any(operation => operation.NeedsPairs);
    }

    /// <summary>Gets the policy.</summary>
    public Policy Policy => _policy;

    /// <summary>Transforms one record.</summary>
    /// <param name="fields">The record's scalar fields in order; each value as UTF-8 with the scanner's findings (byte offsets into the value).</param>
    /// <returns>The output fields and what remains personal information.</returns>
    /// <exception cref="ArgumentException">A finding lies outside its value.</exception>
    public TransformedRecord Transform(IReadOnlyList<FieldInput> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);

        var output = new OutputField[fields.Count];
        var summary = TransformInto(fields, output);
        int kept = 0;
        for (int i = 0; i < output.Length; i++)
        {
            if (output[i].Name is not null)
            {
                output[kept++] = output[i];
            }
        }

        if (kept < output.Length)
        {
            Array.Resize(ref output, kept);
        }

        return new TransformedRecord
        {
            Fields = ImmutableCollectionsMarshal.AsImmutableArray(output),
            RemainingPersonalInformation = summary.RemainingPersonalInformation,
            RemainingIsSensitive = summary.RemainingIsSensitive,
            FullyAnonymised = summary.FullyAnonymised,
            Fallbacks = summary.Fallbacks,
        };
    }

    /// <summary>
    /// Transforms one record into <paramref name="output"/>, one entry per field at the field's index (a dropped field's
    /// entry is <see langword="default"/>, its <see cref="OutputField.Name"/> <see langword="null"/>): what
    /// <see cref="Transform"/> does, without a record object, for a caller that reuses <paramref name="output"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A finding lies outside its value, or <paramref name="output"/> is shorter than <paramref name="fields"/>.</exception>
    internal TransformSummary TransformInto(IReadOnlyList<FieldInput> fields, Span<OutputField> output) => TransformInto(fields, output, [], null);

    /// <summary>
    /// What <see cref="TransformInto(IReadOnlyList{FieldInput}, Span{OutputField})"/> does, with each field's plan given
    /// (<see cref="PlanOf"/> of its name, at its index) by a caller that keeps them for records of one layout.
    /// </summary>
    /// <param name="fields">The record's fields.</param>
    /// <param name="output">One entry per field.</param>
    /// <param name="known">The plans of the fields' names, or empty to look them up here (and check every finding lies within its value).</param>
    /// <param name="values">
    /// Where rewritten values are written, each output field holding its slice, instead of each in a string of its own;
    /// the caller keeps the buffer unchanged for as long as it reads the output. <see langword="null"/> for strings.
    /// </param>
    /// <param name="utf8">
    /// With <paramref name="values"/>, where values an operator rewrites in UTF-8 (<see cref="Transform.TryApplyUtf8"/>)
    /// are written, kept as <paramref name="values"/> is; <see langword="null"/> to rewrite every value in characters.
    /// </param>
    internal TransformSummary TransformInto(IReadOnlyList<FieldInput> fields, Span<OutputField> output, ReadOnlySpan<FieldPlan> known, ArrayBufferWriter<char>? values, ArrayBufferWriter<byte>? utf8 = null)
    {
        int count = fields.Count;
        if (output.Length < count)
        {
            throw new ArgumentException("The output has fewer entries than the record has fields.", nameof(output));
        }

        ReadOnlySpan<FieldInput> inputs = fields switch
        {
            FieldInput[] array => array,
            List<FieldInput> list => CollectionsMarshal.AsSpan(list),
            _ => [.. fields],
        };
        // A caller that gives the plans is the export's worker, whose findings its scanner made over these very values;
        // a finding outside its value would still fail, at the slice, without this message.
        if (known.IsEmpty)
        {
            for (int i = 0; i < count; i++)
            {
                CheckFindings(inputs[i], i);
            }
        }

        if (!known.IsEmpty && known.Length < count)
        {
            throw new ArgumentException("Fewer plans were given than the record has fields.", nameof(known));
        }

        FieldPlan[]? plans = null;
        Dictionary<(int Field, int Finding), string>? paired = null;
        if (_pairsCoordinates)
        {
            plans = new FieldPlan[count];
            for (int i = 0; i < count; i++)
            {
                plans[i] = known.IsEmpty ? CachedPlan(inputs[i].Name) : known[i];
            }

            paired = PairCoordinates(fields, plans);
            known = plans;
        }

        var state = default(RecordState);
        for (int i = 0; i < count; i++)
        {
            ref readonly FieldInput field = ref inputs[i];
            TransformField(i, field, known.IsEmpty ? CachedPlan(field.Name) : known[i], paired, values, values is null ? null : utf8, ref state, ref output[i]);
        }

        return new TransformSummary(
            RemainingTypes(state.Remaining),
            state.Remaining != 0 && (state.MinorUnder14 || (state.Remaining & SensitiveTypes) != 0),
            state.Remaining == 0,
            state.Fallbacks?.ToImmutableArray() ?? []);
    }

    private static void CheckFindings(in FieldInput field, int index)
    {
        // Most fields have none; reading an empty memory's span is not free.
        if (field.Findings.IsEmpty)
        {
            return;
        }

        foreach (Finding finding in field.Findings.Span)
        {
            if (finding.Start < 0 || finding.Length < 0 || finding.End > field.Value.Length)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Field {index} has a finding at bytes {finding.Start}–{finding.End}, outside its value of {field.Value.Length} bytes."),
                    nameof(field));
            }
        }
    }

    // The types in the mask, in type order; arrays of recent masks are shared (one slot per mask's hash), since records of
    // one source leave few different sets. Slots hold immutable entries, so threads sharing the transformer may race on them.
    private ImmutableArray<IdentifierType> RemainingTypes(uint remaining)
    {
        if (remaining == 0)
        {
            return [];
        }

        int slot = (int)(unchecked(remaining * 0x9E3779B9u) >> (32 - RemainingSlotBits));
        if (_remainingSets[slot] is { } known && known.Mask == remaining)
        {
            return known.Types;
        }

        var types = new IdentifierType[BitOperations.PopCount(remaining)];
        int next = 0;
        foreach (IdentifierType type in AllTypes)
        {
            if ((remaining & (1u << (int)type)) != 0)
            {
                types[next++] = type;
            }
        }

        var result = ImmutableCollectionsMarshal.AsImmutableArray(types);
        _remainingSets[slot] = new RemainingSet(remaining, result);
        return result;
    }

    // Writes the field's output to `destination` (default where the field is dropped). The output is built in place, not
    // returned: an output field is some 70 bytes, and each copy of a struct just written costs more than writing it.
    private void TransformField(int index, in FieldInput field, FieldPlan plan, Dictionary<(int, int), string>? paired, ArrayBufferWriter<char>? values, ArrayBufferWriter<byte>? utf8, ref RecordState state, ref OutputField destination)
    {
        if (plan.Rule is { } rule)
        {
            ApplyFieldRule(index, field, rule, plan.QuasiIdentifier, paired, values, utf8, ref state, ref destination);
            return;
        }

        if (field.Findings.IsEmpty)
        {
            destination.SetUtf8(field.Name, field.Value, changed: false, default);
            return;
        }

        ReadOnlySpan<Finding> findings = field.Findings.Span;
        ReadOnlySpan<byte> value = field.Value.Span;
        Span<Finding> sorted = findings.Length <= 16 ? stackalloc Finding[findings.Length] : new Finding[findings.Length];
        findings.CopyTo(sorted);
        if (sorted.Length > 1)
        {
            sorted.Sort(ByPosition);
        }

        foreach (Finding finding in sorted)
        {
            if (_byType[(int)finding.Type]!.Operation is DropOperation)
            {
                foreach (Finding dropped in sorted)
                {
                    state.Account(dropped, Protection.Anonymised, plan.QuasiIdentifier);
                }

                destination = default;
                return;
            }
        }

        // One identifier, by an operator that rewrites it in UTF-8: the bytes around it are copied, nothing is decoded.
        if (utf8 is not null && paired is null && sorted.Length == 1)
        {
            Finding only = sorted[0];
            Compiled operation = _byType[(int)only.Type]!;
            Transform transform = operation.Transform(only.Type)!;
            if (operation.Operation is not KeepOperation && TryRewriteUtf8(value, only.Start, only.Length, transform, utf8, out var rewritten, out bool changed))
            {
                state.Account(only, transform.Protection, plan.QuasiIdentifier);
                bool whole = only.Start == 0 && only.Length == value.Length;
                destination.SetUtf8(field.Name, rewritten, changed, whole ? operation.Coarser : []);
                return;
            }
        }

        var text = new CharWriter(stackalloc char[MaxStackChars]);
        try
        {
            int position = 0;
            bool changed = false;
            Protection last = Protection.None;
            ImmutableArray<Transform> coarser = [];
            for (int k = 0; k < sorted.Length; k++)
            {
                Finding finding = sorted[k];
                if (finding.Start < position)
                {
                    // Overlaps a finding already rewritten (scanners keep the longer, so only other sources do this): its bytes went with that one.
                    state.Account(finding, last, plan.QuasiIdentifier);
                    continue;
                }

                text.AppendUtf8(value[position..finding.Start]);
                int at = text.Length;
                text.AppendUtf8(value.Slice(finding.Start, finding.Length));
                Compiled operation = _byType[(int)finding.Type]!;
                bool declined = false;
                if (operation.Operation is KeepOperation)
                {
                    last = Protection.None;
                }
                else if (paired is not null && paired.TryGetValue((index, OriginalIndex(findings, finding)), out string? coordinate))
                {
                    changed |= !text.Slice(at, text.Length - at).SequenceEqual(coordinate);
                    text.ReplaceFrom(at, coordinate);
                    last = operation.Transform(finding.Type)!.Protection;
                }
                else
                {
                    (last, declined, bool rewritten) = ApplyFrom(ref text, at, operation, finding.Type, field.Name, ref state);
                    changed |= rewritten;
                }

                // A value that is one identifier, generalised, can be generalised further by k-anonymity.
                if (sorted.Length == 1 && finding.Start == 0 && finding.Length == value.Length && !declined)
                {
                    coarser = operation.Coarser;
                }

                state.Account(finding, last, plan.QuasiIdentifier);
                position = finding.End;
            }

            text.AppendUtf8(value[position..]);
            destination = Output(field.Name, text.Slice(0, text.Length), changed, values, coarser);
        }
        finally
        {
            text.Dispose();
        }
    }

    private static void ApplyFieldRule(int index, in FieldInput field, Compiled rule, bool quasiIdentifier, Dictionary<(int, int), string>? paired, ArrayBufferWriter<char>? values, ArrayBufferWriter<byte>? utf8, ref RecordState state, ref OutputField destination)
    {
        ReadOnlySpan<Finding> findings = field.Findings.Span;
        if (rule.Operation is DropOperation)
        {
            state.AccountAll(findings, Protection.Anonymised, quasiIdentifier);
            destination = default;
            return;
        }

        if (rule.Operation is KeepOperation)
        {
            state.AccountAll(findings, Protection.None, quasiIdentifier);
            destination.SetUtf8(field.Name, field.Value, changed: false, default);
            return;
        }

        IdentifierType? type = WholeValueType(field.Value.Span, findings);
        Transform transform = rule.Transform(type)!;
        if (utf8 is not null && paired is null && TryRewriteUtf8(field.Value.Span, 0, field.Value.Length, transform, utf8, out var rewritten, out bool rewrote))
        {
            state.AccountAll(findings, transform.Protection, quasiIdentifier);
            destination.SetUtf8(field.Name, rewritten, rewrote, rule.Coarser);
            return;
        }

        var text = new CharWriter(stackalloc char[MaxStackChars]);
        try
        {
            text.AppendUtf8(field.Value.Span);
            if (paired is not null && paired.TryGetValue((index, -1), out string? coordinate))
            {
                state.AccountAll(findings, rule.Transform(type)!.Protection, quasiIdentifier);
                destination = new OutputField(field.Name, coordinate, !text.Slice(0, text.Length).SequenceEqual(coordinate)) { Coarser = rule.Coarser };
                return;
            }

            (Protection protection, bool declined, bool changed) = ApplyFrom(ref text, 0, rule, type, field.Name, ref state);
            state.AccountAll(findings, protection, quasiIdentifier);
            destination = Output(field.Name, text.Slice(0, text.Length), changed, values, declined ? [] : rule.Coarser);
        }
        finally
        {
            text.Dispose();
        }
    }

    // The output field of a rewritten value: in a string of its own, or in the caller's buffer when there is one.
    private static OutputField Output(string name, ReadOnlySpan<char> text, bool changed, ArrayBufferWriter<char>? values, ImmutableArray<Transform> coarser)
    {
        if (values is null)
        {
            return new OutputField(name, new string(text), changed) { Coarser = coarser };
        }

        int start = values.WrittenCount;
        values.Write(text);
        return new OutputField(name, values.WrittenMemory[start..], changed) { Coarser = coarser };
    }

    // Writes `value` to `utf8` with its bytes from `start` on, `length` of them, rewritten by the operator in UTF-8, and
    // gives the slice written; false, writing nothing, when the operator does not read them so or the value is not
    // valid UTF-8 (decoded, its bad bytes would become replacement characters).
    private static bool TryRewriteUtf8(ReadOnlySpan<byte> value, int start, int length, Transform transform, ArrayBufferWriter<byte> utf8, out ReadOnlyMemory<byte> rewritten, out bool changed)
    {
        (rewritten, changed) = (default, false);
        int most = transform.GetMaxUtf8OutputLength(length);
        if ((most == 0 && length > 0) || !System.Text.Unicode.Utf8.IsValid(value))
        {
            return false;
        }

        ReadOnlySpan<byte> identifier = value.Slice(start, length);
        ReadOnlySpan<byte> after = value[(start + length)..];
        Span<byte> output = utf8.GetSpan(start + most + after.Length);
        if (!transform.TryApplyUtf8(identifier, output[start..], out int written))
        {
            return false;
        }

        value[..start].CopyTo(output);
        after.CopyTo(output[(start + written)..]);
        changed = !identifier.SequenceEqual(output.Slice(start, written));
        int offset = utf8.WrittenCount;
        utf8.Advance(start + written + after.Length);
        rewritten = utf8.WrittenMemory[offset..];
        return true;
    }

    // Rewrites what the writer holds from `at` on by the operator, or by the type label when the operator cannot read it.
    private static (Protection Protection, bool Declined, bool Changed) ApplyFrom(ref CharWriter text, int at, Compiled operation, IdentifierType? type, string field, ref RecordState state)
    {
        Transform transform = operation.Transform(type)!;
        int length = text.Length - at;
        text.Reserve(transform.GetMaxOutputLength(text.Slice(at, length)));
        ReadOnlySpan<char> segment = text.Slice(at, length);
        Span<char> destination = text.Free;
        if (transform.TryApply(segment, destination, out int written))
        {
            bool changed = !segment.SequenceEqual(destination[..written]);
            text.ReplaceFrom(at, destination[..written]);
            return (transform.Protection, false, changed);
        }

        state.Fallback(new TransformFallback(field, type, operation.Operation.Kind));
        string label = (type is { } known ? Labels[(int)known] : UntypedLabel).Label;
        bool relabelled = !segment.SequenceEqual(label);
        text.ReplaceFrom(at, label);
        return (Protection.Anonymised, true, relabelled);
    }

    // The type of the one finding that covers the whole value (surrounding white space aside), else none.
    private static IdentifierType? WholeValueType(ReadOnlySpan<byte> value, ReadOnlySpan<Finding> findings)
    {
        if (findings.Length != 1)
        {
            return null;
        }

        int start = value.Length - value.TrimStart(" \t"u8).Length;
        int end = value.TrimEnd(" \t"u8).Length;
        return findings[0].Start <= start && findings[0].End >= end ? findings[0].Type : null;
    }

    private static int OriginalIndex(ReadOnlySpan<Finding> findings, Finding finding)
    {
        for (int i = 0; i < findings.Length; i++)
        {
            if (findings[i] == finding)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns what the policy does with a field of this name: its field rule, and whether it is a quasi-identifier.</summary>
    internal FieldPlan PlanOf(string name) => CachedPlan(name);

    private FieldPlan CachedPlan(string name)
    {
        if (!_recentPlans.TryGet(name, out FieldPlan plan))
        {
            plan = Plan(name);
            _recentPlans.Set(name, plan);
        }

        return plan;
    }

    private FieldPlan Plan(string name)
    {
        if (_plans.TryGetValue(name, out FieldPlan plan))
        {
            return plan;
        }

        plan = new FieldPlan(_policy.FieldRule(name) is { } rule ? _fieldRules[rule] : null, _policy.IsQuasiIdentifier(name));

        // Field names come from the data; a source with endless distinct names must not grow the cache without bound.
        if (_plans.Count < MaxCachedFieldNames)
        {
            _plans.TryAdd(name, plan);
        }

        return plan;
    }

    // Finds the lone latitudes and longitudes that a grid or GCJ-02 coarsening must see together, pairs them, and coarsens each pair.
    private Dictionary<(int Field, int Finding), string> PairCoordinates(IReadOnlyList<FieldInput> fields, FieldPlan[] plans)
    {
        var candidates = new List<Candidate>();
        for (int i = 0; i < fields.Count; i++)
        {
            FieldInput field = fields[i];
            if (plans[i].Rule is { } rule)
            {
                if (rule.NeedsPairs)
                {
                    AddCandidate(candidates, rule, i, -1, field.Name, Encoding.UTF8.GetString(field.Value.Span));
                }

                continue;
            }

            ReadOnlySpan<Finding> findings = field.Findings.Span;
            for (int k = 0; k < findings.Length; k++)
            {
                if (findings[k].Type == IdentifierType.GpsCoord && _byType[(int)IdentifierType.GpsCoord] is { NeedsPairs: true } operation)
                {
                    AddCandidate(candidates, operation, i, k, field.Name, Encoding.UTF8.GetString(field.Value.Span.Slice(findings[k].Start, findings[k].Length)));
                }
            }
        }

        var results = new Dictionary<(int, int), string>();
        // Two rules that coarsen alike (a rule for lat and one for lon) pair their values.
        foreach (var group in candidates.GroupBy(candidate => candidate.Operation.Operation is CoarsenOperation coarsen ? (coarsen.Decimals, coarsen.CellMetres, coarsen.Datum) : default))
        {
            List<Candidate> latitudes = [.. group.Where(candidate => !candidate.IsLongitude)];
            List<Candidate> longitudes = [.. group.Where(candidate => candidate.IsLongitude)];
            foreach (Candidate latitude in latitudes.ToArray())
            {
                string key = PairKey(latitude.Field, LatitudeWords);
                int match = longitudes.FindIndex(longitude => string.Equals(PairKey(longitude.Field, LongitudeWords), key, StringComparison.Ordinal));
                if (match >= 0)
                {
                    Coarsen(latitude.Operation, latitude, longitudes[match], results);
                    latitudes.Remove(latitude);
                    longitudes.RemoveAt(match);
                }
            }

            if (latitudes.Count == 1 && longitudes.Count == 1)
            {
                Coarsen(latitudes[0].Operation, latitudes[0], longitudes[0], results);
            }
        }

        return results;
    }

    private static void AddCandidate(List<Candidate> candidates, Compiled operation, int field, int finding, string name, string text)
    {
        Span<Range> numbers = stackalloc Range[2];
        if (LocationCoarsening.FindNumbers(text, numbers) != 1
            || !double.TryParse(text.AsSpan()[numbers[0]], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
        {
            return;
        }

        candidates.Add(new Candidate(operation, field, finding, name, text, numbers[0], value, LocationCoarsening.IsLongitude(value)));
    }

    private static void Coarsen(Compiled operation, Candidate latitude, Candidate longitude, Dictionary<(int, int), string> results)
    {
        var coarsening = (LocationCoarsening)operation.Transform(null)!;
        if (!coarsening.TryCoarsen(latitude.Value, longitude.Value, out double lat, out double lon))
        {
            return;
        }

        results[(latitude.FieldIndex, latitude.FindingIndex)] = latitude.Replace(coarsening.FormatLatitude(lat));
        results[(longitude.FieldIndex, longitude.FindingIndex)] = longitude.Replace(coarsening.FormatLongitude(lon));
    }

    // The field name with its latitude or longitude word taken out, so gps.lat and gps.lng, start_lat and start_lon match.
    private static string PairKey(string field, string[] words)
    {
        string lower = field.ToLowerInvariant();
        foreach (string word in words)
        {
            int at = lower.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                return string.Concat(lower.AsSpan(0, at), "\u0001", lower.AsSpan(at + word.Length));
            }
        }

        return lower;
    }

    /// <summary>What the policy does with a field, by its name: its field rule, and whether it is a quasi-identifier.</summary>
    internal readonly record struct FieldPlan(Compiled? Rule, bool QuasiIdentifier);

    private sealed record RemainingSet(uint Mask, ImmutableArray<IdentifierType> Types);

    private sealed record Candidate(Compiled Operation, int FieldIndex, int FindingIndex, string Field, string Text, Range Number, double Value, bool IsLongitude)
    {
        public string Replace(string coarse) => string.Concat(Text.AsSpan()[..Number.Start.Value], coarse, Text.AsSpan()[Number.End.Value..]);
    }

    /// <summary>One operator of the policy built with the keys: a transform per identifier type, and its coarser levels.</summary>
    internal sealed class Compiled
    {
        private readonly Transform?[] _transforms;

        public Compiled(Operation operation, string name, DeidentificationKeys keys)
        {
            Operation = operation;
            Name = name;
            _transforms = [Build(operation, null, keys), .. AllTypes.Select(type => Build(operation, type, keys))];
            Coarser = operation switch
            {
                GeneraliseOperation generalise => [.. generalise.Coarser.Select(next => (Transform)new Generalisation(next.To, next.BandWidth))],
                BucketOperation bucket => [.. bucket.Coarser.Select(unit => (Transform)new TimeBucket(unit, bucket.EpochOffset))],

                // Coarser locations read the output, which is already WGS-84.
                CoarsenOperation coarsen => [.. coarsen.Coarser.Select(next => (Transform)Coarsening(next with { Datum = GeodeticDatum.Wgs84 }))],
                _ => [],
            };
            NeedsPairs = operation is CoarsenOperation { Datum: GeodeticDatum.Gcj02 } or CoarsenOperation { CellMetres: not null };
        }

        public Operation Operation { get; }

        public string Name { get; }

        public ImmutableArray<Transform> Coarser { get; }

        public bool NeedsPairs { get; }

        public Transform? Transform(IdentifierType? type) => _transforms[type is { } known ? (int)known + 1 : 0];

        private static Transform? Build(Operation operation, IdentifierType? type, DeidentificationKeys keys) => operation switch
        {
            KeepOperation or DropOperation => null,
            RedactOperation redact => new Redaction(redact.Replacement),
            LabelOperation => type is { } known ? Labels[(int)known] : UntypedLabel,
            MaskOperation mask => Mask.ForType(type, mask.KeepFirst, mask.KeepLast, mask.MaskCharacter),
            TokenOperation => new KeyedToken(keys.TokenKey, type),
            FpeOperation fpe => new FormatPreservingEncryption(keys.FpeKey, fpe.Alphabet, fpe.Tweak ?? FormatPreservingEncryption.DefaultTweak(type)),
            GeneraliseOperation generalise => new Generalisation(generalise.To, generalise.BandWidth),
            CoarsenOperation coarsen => Coarsening(coarsen),
            BucketOperation bucket => new TimeBucket(bucket.To, bucket.EpochOffset),
            _ => throw new ArgumentException($"Unknown operation {operation.GetType().Name}.", nameof(operation)),
        };

        private static LocationCoarsening Coarsening(CoarsenOperation coarsen) =>
            coarsen.Decimals is { } decimals ? LocationCoarsening.ToDecimals(decimals, coarsen.Datum) : LocationCoarsening.ToGrid(coarsen.CellMetres!.Value, coarsen.Datum);
    }

    /// <summary>What one record's identifiers came to: the personal information types left, the minor flag, the fallbacks.</summary>
    private struct RecordState
    {
        public uint Remaining { readonly get; private set; }

        public bool MinorUnder14 { readonly get; private set; }

        public List<TransformFallback>? Fallbacks { readonly get; private set; }

        public void Account(Finding finding, Protection protection, bool quasiIdentifier)
        {
            MinorUnder14 |= (finding.Traits & FindingTraits.MinorUnder14) != 0;
            bool anonymous = protection == Protection.Anonymised || (protection == Protection.Generalised && quasiIdentifier);
            if (!anonymous)
            {
                Remaining |= (1u << (int)finding.Type) & PersonalTypes;
            }
        }

        public void AccountAll(ReadOnlySpan<Finding> findings, Protection protection, bool quasiIdentifier)
        {
            foreach (Finding finding in findings)
            {
                Account(finding, protection, quasiIdentifier);
            }
        }

        public void Fallback(TransformFallback fallback) => (Fallbacks ??= []).Add(fallback);
    }
}
