using System.Collections.Immutable;

namespace Outbound.Deidentification;

/// <summary>The operators a policy can apply; wire names are lower case (<c>keep</c>, <c>fpe</c>).</summary>
public enum OperatorKind
{
    /// <summary><c>keep</c>: release untransformed; the identifier stays personal information in the clear.</summary>
    Keep,

    /// <summary><c>drop</c>: leave the field out of the output; anonymising.</summary>
    Drop,

    /// <summary><c>redact</c>: replace with nothing or a fixed text; anonymising.</summary>
    Redact,

    /// <summary><c>label</c>: replace with the type in brackets, e.g. <c>[CN_MOBILE]</c>; anonymising.</summary>
    Label,

    /// <summary><c>mask</c>: keep the first and last few characters; de-identifying.</summary>
    Mask,

    /// <summary><c>token</c>: a keyed HMAC token; de-identifying.</summary>
    Token,

    /// <summary><c>fpe</c>: FF1 format-preserving encryption, reversible with the key; de-identifying.</summary>
    Fpe,

    /// <summary><c>generalise</c>: a coarser value (year, age band, city, region and birth year); anonymising under k-anonymity.</summary>
    Generalise,

    /// <summary><c>coarsen</c>: a coarser location; anonymising at 2 decimals or 1 km cells, de-identifying when finer.</summary>
    Coarsen,

    /// <summary><c>bucket</c>: a timestamp floored to a unit; anonymising under k-anonymity.</summary>
    Bucket,
}

/// <summary>One operator of a policy with its parameters: what a rule does to what it selects.</summary>
/// <remarks>The derived records are the operators; <see cref="RecordTransformer"/> turns them into <see cref="Transform"/>s with the keys.</remarks>
public abstract record Operation
{
    // The operators are a closed set: the validator and the transformer know each one.
    private protected Operation()
    {
    }

    /// <summary>Gets the operator.</summary>
    public abstract OperatorKind Kind { get; }

    /// <summary>Gets the operator's wire name, e.g. <c>fpe</c>.</summary>
    public string WireName => WireNameOf(Kind);

    /// <summary>Returns the wire name of <paramref name="kind"/>.</summary>
    public static string WireNameOf(OperatorKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>Releases the value untransformed (<c>keep</c>): it stays personal information in the clear.</summary>
public sealed record KeepOperation : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Keep;
}

/// <summary>Leaves the whole field out of the output (<c>drop</c>); anonymising.</summary>
public sealed record DropOperation : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Drop;
}

/// <summary>Replaces the identifier with <paramref name="Replacement"/> (<c>redact</c>); anonymising.</summary>
/// <param name="Replacement">The text written instead; empty by default.</param>
public sealed record RedactOperation(string Replacement = "") : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Redact;
}

/// <summary>Replaces the identifier with its type in brackets (<c>label</c>); anonymising.</summary>
public sealed record LabelOperation : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Label;
}

/// <summary>Masks all but the first and last few significant characters (<c>mask</c>); de-identifying.</summary>
/// <param name="KeepFirst">Characters kept at the start; <see langword="null"/> for the type's usual count (<see cref="Mask.ForType"/>).</param>
/// <param name="KeepLast">Characters kept at the end; <see langword="null"/> for the type's usual count.</param>
/// <param name="MaskCharacter">The character written over hidden ones.</param>
public sealed record MaskOperation(int? KeepFirst = null, int? KeepLast = null, char MaskCharacter = '*') : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Mask;
}

/// <summary>Replaces the identifier with a keyed token of its canonical form (<c>token</c>); de-identifying.</summary>
public sealed record TokenOperation : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Token;
}

/// <summary>Encrypts the identifier with FF1, keeping its format (<c>fpe</c>); de-identifying, reversible with the key.</summary>
/// <param name="Alphabet">The characters encrypted.</param>
/// <param name="Tweak">The tweak; <see langword="null"/> for the identifier type's wire name (<see cref="FormatPreservingEncryption.DefaultTweak"/>).</param>
public sealed record FpeOperation(FpeAlphabet Alphabet = FpeAlphabet.Digits, string? Tweak = null) : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Fpe;
}

/// <summary>Replaces a quasi-identifier with a coarser value (<c>generalise</c>); anonymising under k-anonymity.</summary>
/// <param name="To">What the value becomes.</param>
/// <param name="BandWidth">The width of an age band in years (<see cref="GeneraliseLevel.AgeBand"/> only).</param>
public sealed record GeneraliseOperation(GeneraliseLevel To, int BandWidth = Generalisation.DefaultBandWidth) : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Generalise;

    /// <summary>Gets the coarser levels k-anonymity may move a value to, finest first; empty when it may not.</summary>
    public ImmutableArray<GeneraliseOperation> Coarser { get; init; } = [];
}

/// <summary>Makes a location coarser (<c>coarsen</c>): rounded to decimals or snapped to grid cells; exactly one of the two is set.</summary>
/// <param name="Decimals">The decimals kept, or <see langword="null"/> for a grid.</param>
/// <param name="CellMetres">The grid cell size in metres, or <see langword="null"/> for decimals.</param>
/// <param name="Datum">The datum of the input; output is WGS-84.</param>
public sealed record CoarsenOperation(int? Decimals, int? CellMetres, GeodeticDatum Datum = GeodeticDatum.Wgs84) : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Coarsen;

    /// <summary>Gets the coarser settings k-anonymity may move a location to, finest first; empty when it may not.</summary>
    public ImmutableArray<CoarsenOperation> Coarser { get; init; } = [];
}

/// <summary>Floors a timestamp to a unit (<c>bucket</c>); anonymising under k-anonymity.</summary>
/// <param name="To">The unit.</param>
/// <param name="EpochOffset">The UTC offset epoch values are floored in; <see langword="null"/> for China Standard Time.</param>
public sealed record BucketOperation(TimeUnit To, TimeSpan? EpochOffset = null) : Operation
{
    /// <inheritdoc/>
    public override OperatorKind Kind => OperatorKind.Bucket;

    /// <summary>Gets the coarser units k-anonymity may move a timestamp to, finest first; empty when it may not.</summary>
    public ImmutableArray<TimeUnit> Coarser { get; init; } = [];
}
