using System.Collections.Immutable;
using System.Text;
using Outbound.Detection;

namespace Outbound.Deidentification;

/// <summary>One scalar field of a record going out: its name, its value as UTF-8, and what the scanner found in it.</summary>
/// <param name="Name">The field's dotted name, e.g. <c>driver.phone</c>.</param>
/// <param name="Value">The value as UTF-8.</param>
/// <param name="Findings">The identifiers found in the value, as byte offsets into it.</param>
public readonly record struct FieldInput(string Name, ReadOnlyMemory<byte> Value, ReadOnlyMemory<Finding> Findings);

/// <summary>One field of a transformed record.</summary>
/// <remarks>
/// A field that goes as it was keeps its UTF-8 value and makes the string only when <see cref="Value"/> is asked for.
/// Immutable to everyone else; the transformer sets the fields of an output it builds in place (<see cref="SetUtf8"/>).
/// </remarks>
public record struct OutputField
{
    private string _name;
    private string? _value;
    private ReadOnlyMemory<byte> _original;

    // A rewritten value held in the caller's buffer rather than in a string of its own (RecordTransformer.TransformInto);
    // an empty one reads the same as the empty original of a field built from characters.
    private ReadOnlyMemory<char> _chars;
    private bool _changed;
    private ImmutableArray<Transform> _coarser;

    /// <summary>Initializes a new instance of the <see cref="OutputField"/> struct.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="value">The value to release.</param>
    /// <param name="changed">Whether any operator rewrote the value; an unchanged value may keep its original JSON type.</param>
    public OutputField(string name, string value, bool changed) => (_name, _value, _changed) = (name, value, changed);

    /// <summary>Initializes a new instance of the <see cref="OutputField"/> struct for a field that goes as it was.</summary>
    internal OutputField(string name, ReadOnlyMemory<byte> original) => (_name, _original) = (name, original);

    /// <summary>Initializes a new instance of the <see cref="OutputField"/> struct for a value written in a buffer the caller keeps for as long as the field is read.</summary>
    internal OutputField(string name, ReadOnlyMemory<char> value, bool changed) => (_name, _chars, _changed) = (name, value, changed);

    /// <summary>Initializes a new instance of the <see cref="OutputField"/> struct for a value rewritten in UTF-8, in a buffer the caller keeps for as long as the field is read.</summary>
    internal OutputField(string name, ReadOnlyMemory<byte> value, bool changed) => (_name, _original, _changed) = (name, value, changed);

    /// <summary>Gets the field's name.</summary>
    public readonly string Name => _name;

    /// <summary>Gets the value to release.</summary>
    public readonly string Value => _value ?? (_chars.IsEmpty ? Encoding.UTF8.GetString(_original.Span) : new string(_chars.Span));

    /// <summary>Gets the value to release as characters: what <see cref="Value"/> gives, without making a string of a value rewritten in characters.</summary>
    public readonly ReadOnlySpan<char> Text => _value is not null ? _value : _chars.IsEmpty ? Value : _chars.Span;

    /// <summary>Gets a value indicating whether any operator rewrote the value.</summary>
    public readonly bool Changed => _changed;

    /// <summary>Gets the operators k-anonymity may apply to generalise the value further, finest first.</summary>
    internal ImmutableArray<Transform> Coarser
    {
        readonly get => _coarser;
        init => _coarser = value;
    }

    /// <summary>Returns the value to release as UTF-8, without decoding it, when it is held so: as it was read, or rewritten in UTF-8.</summary>
    /// <param name="value">The value's UTF-8 bytes, or empty when it is held as characters.</param>
    /// <returns><see langword="false"/> when the value is held as characters (<see cref="Text"/>).</returns>
    public readonly bool TryGetUtf8(out ReadOnlySpan<byte> value)
    {
        bool utf8 = _value is null && _chars.IsEmpty;
        value = utf8 ? _original.Span : default;
        return utf8;
    }

    /// <summary>Returns <see langword="true"/> when the name, value and change flag are equal.</summary>
    public readonly bool Equals(OutputField other) =>
        string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Value, other.Value, StringComparison.Ordinal) && Changed == other.Changed;

    /// <inheritdoc/>
    public override readonly int GetHashCode() => HashCode.Combine(Name, Value, Changed);

    /// <summary>
    /// Makes this the field <paramref name="name"/> with a UTF-8 value (as it was read when not <paramref name="changed"/>),
    /// as the constructors would, but in place.
    /// </summary>
    /// <remarks>
    /// For an output in an array: assigning a new one there copies the whole struct with one bulk write barrier, which
    /// costs more than the three references written here (measured on the export's transform).
    /// </remarks>
    internal void SetUtf8(string name, ReadOnlyMemory<byte> value, bool changed, ImmutableArray<Transform> coarser)
    {
        _name = name;
        _value = null;
        _original = value;
        _chars = default;
        _changed = changed;
        _coarser = coarser;
    }
}

/// <summary>An identifier an operator could not read (a date that is no date, a lone GCJ-02 latitude), replaced by its type label instead.</summary>
/// <param name="Field">The field's name.</param>
/// <param name="Type">The identifier's type, or <see langword="null"/> for a whole value of no known type.</param>
/// <param name="Declined">The operator that declined it.</param>
public readonly record struct TransformFallback(string Field, IdentifierType? Type, OperatorKind Declined);

/// <summary>What remains of a record's personal information after its policy's operators: <see cref="TransformedRecord"/> without the fields.</summary>
/// <param name="RemainingPersonalInformation">See <see cref="TransformedRecord.RemainingPersonalInformation"/>.</param>
/// <param name="RemainingIsSensitive">See <see cref="TransformedRecord.RemainingIsSensitive"/>.</param>
/// <param name="FullyAnonymised">See <see cref="TransformedRecord.FullyAnonymised"/>.</param>
/// <param name="Fallbacks">See <see cref="TransformedRecord.Fallbacks"/>.</param>
internal readonly record struct TransformSummary(
    ImmutableArray<IdentifierType> RemainingPersonalInformation,
    bool RemainingIsSensitive,
    bool FullyAnonymised,
    ImmutableArray<TransformFallback> Fallbacks);

/// <summary>A record after its policy's operators, with what the ledger needs to know about it.</summary>
public sealed record TransformedRecord
{
    /// <summary>Gets the output fields in input order; dropped fields are absent.</summary>
    public required ImmutableArray<OutputField> Fields { get; init; }

    /// <summary>
    /// Gets the identifier types that remain personal information in the output: they went through <c>keep</c> or a
    /// de-identifying operator (mask, token, fpe, a fine coarsening, or a generalisation outside k-anonymity), in
    /// <see cref="IdentifierType"/> order.
    /// </summary>
    public required ImmutableArray<IdentifierType> RemainingPersonalInformation { get; init; }

    /// <summary>
    /// Gets a value indicating whether any remaining personal information is sensitive: a sensitive type
    /// (<see cref="IdentifierCatalog"/>), or anything at all when an ID number showed the person to be under 14
    /// (PIPL Art. 28).
    /// </summary>
    public required bool RemainingIsSensitive { get; init; }

    /// <summary>
    /// Gets a value indicating whether every identifier that is personal information went through an anonymising
    /// operator; generalised quasi-identifiers count as anonymised on condition that the batch passes
    /// <see cref="KAnonymity"/>.
    /// </summary>
    public required bool FullyAnonymised { get; init; }

    /// <summary>Gets the identifiers replaced by their type label because their operator could not read them.</summary>
    public ImmutableArray<TransformFallback> Fallbacks { get; init; } = [];

    /// <summary>Returns the output value of the field <paramref name="name"/>, or <see langword="null"/> when it is absent or dropped.</summary>
    public string? Value(string name)
    {
        foreach (OutputField field in Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return field.Value;
            }
        }

        return null;
    }
}
