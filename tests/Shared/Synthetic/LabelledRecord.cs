using System.Text;

namespace Outbound.Testing.Synthetic;

/// <summary>A labelled stretch of a record's text: UTF-16 offsets (C# string indices), end exclusive.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="End">Index just past the last character.</param>
/// <param name="Type">A wire type name, or <see cref="WireTypes.None"/> for a planted look-alike.</param>
/// <param name="Decoy">For a look-alike, its kind (<see cref="DecoyKinds"/>); otherwise null.</param>
internal sealed record LabelledSpan(int Start, int End, string Type, string? Decoy = null)
{
    /// <summary>Gets the number of characters covered.</summary>
    public int Length => End - Start;
}

/// <summary>One line of a labelled corpus: the text and every identifier in it.</summary>
/// <param name="Id">A unique record id, e.g. <c>tel-000042</c>.</param>
/// <param name="Text">The raw JSON line or sentence.</param>
/// <param name="Spans">The identifiers and look-alikes, in order of position, never overlapping.</param>
internal sealed record LabelledRecord(string Id, string Text, IReadOnlyList<LabelledSpan> Spans);

/// <summary>Builds a text while recording the offsets of the labelled values appended to it.</summary>
internal sealed class LabelledTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<LabelledSpan> _spans = [];

    /// <summary>Gets the length of the text so far.</summary>
    public int Length => _text.Length;

    /// <summary>Appends unlabelled text.</summary>
    public LabelledTextBuilder Text(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Appends one unlabelled character.</summary>
    public LabelledTextBuilder Text(char text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Appends <paramref name="value"/> labelled as <paramref name="type"/>.</summary>
    public LabelledTextBuilder Labelled(string value, string type)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _spans.Add(new LabelledSpan(_text.Length, _text.Length + value.Length, type));
        _text.Append(value);
        return this;
    }

    /// <summary>Appends <paramref name="value"/>, a planted look-alike of kind <paramref name="kind"/>.</summary>
    public LabelledTextBuilder Decoy(string value, string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _spans.Add(new LabelledSpan(_text.Length, _text.Length + value.Length, WireTypes.None, kind));
        _text.Append(value);
        return this;
    }

    /// <summary>Appends a generated value: labelled, a look-alike, or plain text.</summary>
    public LabelledTextBuilder Append(Generated value) => value.Type switch
    {
        null => Text(value.Text),
        WireTypes.None => Decoy(value.Text, value.Decoy!),
        _ => Labelled(value.Text, value.Type),
    };

    /// <summary>Returns the record built so far.</summary>
    public LabelledRecord Build(string id) => new(id, _text.ToString(), [.. _spans]);
}

/// <summary>A generated piece of text and its label.</summary>
/// <param name="Text">The characters.</param>
/// <param name="Type">The wire type, <see cref="WireTypes.None"/> for a look-alike, or null for plain text.</param>
/// <param name="Decoy">The look-alike kind when <paramref name="Type"/> is <see cref="WireTypes.None"/>.</param>
internal readonly record struct Generated(string Text, string? Type, string? Decoy = null)
{
    /// <summary>Returns plain, unlabelled text.</summary>
    public static Generated Plain(string text) => new(text, null);

    /// <summary>Returns a look-alike of kind <paramref name="kind"/>.</summary>
    public static Generated LookAlike(string text, string kind) => new(text, WireTypes.None, kind);
}
