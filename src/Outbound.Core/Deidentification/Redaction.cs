using Outbound.Detection;

namespace Outbound.Deidentification;

/// <summary>Replaces the identifier with a fixed text, or with nothing (<c>redact</c>); anonymising.</summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed class Redaction : Transform
{
    private readonly string _replacement;

    /// <summary>Initializes a new instance of the <see cref="Redaction"/> class.</summary>
    /// <param name="replacement">The text written instead of the identifier; empty removes it.</param>
    public Redaction(string replacement = "")
    {
        ArgumentNullException.ThrowIfNull(replacement);
        _replacement = replacement;
    }

    /// <inheritdoc/>
    public override Protection Protection => Protection.Anonymised;

    /// <inheritdoc/>
    public override int GetMaxOutputLength(ReadOnlySpan<char> input) => _replacement.Length;

    /// <inheritdoc/>
    public override bool TryApply(ReadOnlySpan<char> input, Span<char> destination, out int written)
    {
        CheckDestination(input, destination);
        _replacement.CopyTo(destination);
        written = _replacement.Length;
        return true;
    }
}

/// <summary>Replaces the identifier with its type in brackets, e.g. <c>[CN_MOBILE]</c> (<c>label</c>); anonymising.</summary>
/// <remarks>A value of no known type becomes <c>[REDACTED]</c>. Instances are immutable and thread-safe.</remarks>
public sealed class TypeLabel : Transform
{
    /// <summary>The label of a value of no known identifier type.</summary>
    public const string Untyped = "[REDACTED]";

    private readonly string _label;

    /// <summary>Initializes a new instance of the <see cref="TypeLabel"/> class.</summary>
    /// <param name="type">The identifier type, or <see langword="null"/> for a value of no known type.</param>
    public TypeLabel(IdentifierType? type) =>
        _label = type is { } known ? $"[{IdentifierCatalog.WireName(known)}]" : Untyped;

    /// <summary>Gets the label written.</summary>
    public string Label => _label;

    /// <inheritdoc/>
    public override Protection Protection => Protection.Anonymised;

    /// <inheritdoc/>
    public override int GetMaxOutputLength(ReadOnlySpan<char> input) => _label.Length;

    /// <inheritdoc/>
    public override bool TryApply(ReadOnlySpan<char> input, Span<char> destination, out int written)
    {
        CheckDestination(input, destination);
        _label.CopyTo(destination);
        written = _label.Length;
        return true;
    }
}
