using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Outbound.Detection;

/// <summary>What one field of a dataset holds.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Values">Values looked at (non-empty).</param>
/// <param name="Counts">Values holding at least one identifier of each type.</param>
/// <param name="Minors">Values whose identifier shows a minor under 14.</param>
/// <param name="Hint">The type the field's name suggests, if any.</param>
public sealed record FieldReport(string Name, long Values, ImmutableDictionary<IdentifierType, long> Counts, long Minors, IdentifierType? Hint)
{
    /// <summary>Gets the type most values hold, or <see langword="null"/> when none holds an identifier.</summary>
    public IdentifierType? Type
    {
        get
        {
            // The most values; of equal counts, the type listed first.
            IdentifierType? most = null;
            long mostValues = 0;
            foreach (var (type, values) in Counts)
            {
                if (most is not IdentifierType best || values > mostValues || (values == mostValues && type < best))
                {
                    (most, mostValues) = (type, values);
                }
            }

            return most;
        }
    }

    /// <summary>Gets the share of values looked at that hold a valid identifier of <see cref="Type"/>.</summary>
    public double Share => Type is IdentifierType type && Values > 0 ? (double)Counts[type] / Values : 0;
}

/// <summary>A problem met while reading a dataset; the data itself is never quoted.</summary>
/// <param name="Position">The 1-based line or row.</param>
/// <param name="Field">The field concerned, or empty.</param>
/// <param name="Reason">What was wrong.</param>
public sealed record SkippedRecord(long Position, string Field, string Reason);

/// <summary>The inventory of one dataset: fields, distinct persons, what was skipped.</summary>
public sealed record InventoryReport
{
    /// <summary>Gets the file or table name.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the records read.</summary>
    public required long Records { get; init; }

    /// <summary>Gets the records holding personal information.</summary>
    public required long RecordsWithPersonalInformation { get; init; }

    /// <summary>Gets the fields, in the order first seen.</summary>
    public required ImmutableArray<FieldReport> Fields { get; init; }

    /// <summary>Gets the distinct persons: distinct subject keys plus records with personal information but no keyable identifier.</summary>
    public required long Persons { get; init; }

    /// <summary>Gets the distinct persons with sensitive personal information.</summary>
    public required long SensitivePersons { get; init; }

    /// <summary>Gets the records with personal information but no keyable identifier, each counted as one person.</summary>
    public required long UnkeyedRecords { get; init; }

    /// <summary>Gets the records with sensitive personal information but no keyable identifier.</summary>
    public required long UnkeyedSensitiveRecords { get; init; }

    /// <summary>Gets the number of records or parts skipped.</summary>
    public required long SkippedCount { get; init; }

    /// <summary>Gets the first skipped records, with reasons.</summary>
    public required ImmutableArray<SkippedRecord> Skipped { get; init; }
}

/// <summary>
/// Builds the inventory of one dataset from its records: scans every field value, tallies types per field, and
/// counts distinct persons exactly by the strongest identifier of each record (RULES §0.4: persons, not rows).
/// </summary>
/// <remarks>
/// A record's subject is keyed by its strongest identifier (ID number, then mobile, then e-mail or bank card, then
/// VIN or plate — <see cref="IdentifierInfo.KeyRank"/>). A record with personal information but nothing keyable
/// counts as one person and is counted in <see cref="InventoryReport.UnkeyedRecords"/>. A person is sensitive when
/// any of their records holds sensitive personal information or shows a minor under 14. Not thread-safe: use one
/// per chunk and <see cref="Merge"/>.
/// </remarks>
public sealed class DatasetInventory : IRecordVisitor
{
    private const int SkippedKept = 100;

    private readonly Scanner _scanner;
    private readonly SubjectKeyer _keyer;
    private readonly DateOnly _referenceDate;
    private readonly Dictionary<string, FieldTally> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldTally>.AlternateLookup<ReadOnlySpan<char>> _fieldLookup;

    // The fields whose names have at most NameKey.Exact bytes, by the key that holds all of them.
    private readonly Dictionary<NameKey, FieldTally> _shortNames = [];
    private readonly List<string> _fieldOrder = [];
    private readonly List<Finding> _findings = [];
    private readonly PersonSet _persons = new();
    private readonly List<SkippedRecord> _skipped = [];
    private readonly byte[] _bestValue = new byte[CanonicalForm.MaxLength];
    private readonly FieldTally _recordStart = new("", null, default);

    private long _records;
    private long _recordsWithPersonalInformation;
    private long _unkeyed;
    private long _unkeyedSensitive;
    private long _skippedCount;

    // Per-record state, reset by BeginRecord.
    private bool _hasPersonalInformation;
    private bool _hasSensitive;
    private int _bestRank;
    private IdentifierType _bestType;
    private int _bestLength;
    private FieldTally _previousField;

    /// <summary>Initializes a new instance of the <see cref="DatasetInventory"/> class.</summary>
    public DatasetInventory(string source, Scanner scanner, SubjectKeyer keyer, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(keyer);
        Source = source;
        _scanner = scanner;
        _keyer = keyer;
        _referenceDate = referenceDate;
        _fieldLookup = _fields.GetAlternateLookup<ReadOnlySpan<char>>();
        _previousField = _recordStart;
    }

    /// <summary>Gets the file or table name.</summary>
    public string Source { get; }

    /// <summary>Gets the records read so far.</summary>
    public long Records => _records;

    /// <inheritdoc/>
    public void BeginRecord(long position)
    {
        _hasPersonalInformation = false;
        _hasSensitive = false;
        _bestRank = int.MaxValue;
        _bestLength = 0;
        _previousField = _recordStart;
    }

    /// <inheritdoc/>
    public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => Take(name, value, integerDigits: 0);

    /// <inheritdoc/>
    public void Number(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int integerDigits) => Take(name, value, integerDigits);

    /// <summary>Scans one value of the field <paramref name="name"/>: as a plain number when <paramref name="integerDigits"/> is positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Take(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int integerDigits)
    {
        var tally = Tally(name);
        if (value.IsEmpty)
        {
            return;
        }

        tally.Values++;
        _findings.Clear();
        if (integerDigits > 0)
        {
            _scanner.ScanPlainNumber(value, integerDigits, tally.Context, _findings);
        }
        else
        {
            _scanner.Scan(value, tally.Context, _findings);
        }

        if (_findings.Count > 0)
        {
            Count(tally, value);
        }
    }

    /// <summary>Tallies the findings of one value of <paramref name="tally"/>'s field and keeps the record's strongest keyable identifier.</summary>
    private void Count(FieldTally tally, ReadOnlySpan<byte> value)
    {
        uint seen = 0;
        bool minor = false;
        var facts = IdentifierCatalog.Facts;
        foreach (var finding in _findings)
        {
            var info = facts[(int)finding.Type];
            seen |= 1u << (int)finding.Type;
            minor |= (finding.Traits & FindingTraits.MinorUnder14) != 0;
            if (!info.IsPersonalInformation)
            {
                continue;
            }

            _hasPersonalInformation = true;
            _hasSensitive |= info.IsSensitive || (finding.Traits & FindingTraits.MinorUnder14) != 0;
            if (info.KeyRank > 0 && info.KeyRank < _bestRank)
            {
                int length = CanonicalForm.Write(finding.Type, value.Slice(finding.Start, finding.Length), _bestValue);
                if (length > 0)
                {
                    _bestRank = info.KeyRank;
                    _bestType = finding.Type;
                    _bestLength = length;
                }
            }
        }

        for (; seen != 0; seen &= seen - 1)
        {
            tally.Counts[System.Numerics.BitOperations.TrailingZeroCount(seen)]++;
        }

        if (minor)
        {
            tally.Minors++;
        }
    }

    /// <inheritdoc/>
    public void EndRecord()
    {
        _records++;
        if (!_hasPersonalInformation)
        {
            return;
        }

        _recordsWithPersonalInformation++;
        if (_bestLength == 0)
        {
            _unkeyed++;
            if (_hasSensitive)
            {
                _unkeyedSensitive++;
            }

            return;
        }

        // Counting needs only to tell persons apart: a fingerprint, not an HMAC (SubjectKeyer.Fingerprint says why it is exact).
        _persons.AddFingerprint(_keyer.Fingerprint(_bestValue.AsSpan(0, _bestLength)), _hasSensitive);
    }

    /// <inheritdoc/>
    public void Skip(long position, string field, string reason)
    {
        _skippedCount++;
        if (_skipped.Count < SkippedKept)
        {
            _skipped.Add(new SkippedRecord(position, field, reason));
        }
    }

    /// <summary>Adds another inventory of the same dataset (a later chunk) to this one, and leaves the other empty.</summary>
    /// <remarks>
    /// Everything the other inventory counted moves here: it is left as if new, ready for the next chunk. It keeps the
    /// fields it has seen, with their counts at zero, so it knows them again without classifying their names anew.
    /// </remarks>
    public void Merge(DatasetInventory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _records += other._records;
        _recordsWithPersonalInformation += other._recordsWithPersonalInformation;
        _unkeyed += other._unkeyed;
        _unkeyedSensitive += other._unkeyedSensitive;
        _persons.UnionWith(other._persons);
        other._persons.Reset();
        _skippedCount += other._skippedCount;
        foreach (var skipped in other._skipped)
        {
            if (_skipped.Count < SkippedKept)
            {
                _skipped.Add(skipped);
            }
        }

        foreach (string name in other._fieldOrder)
        {
            var mine = Tally(name);
            var theirs = other._fields[name];
            mine.Values += theirs.Values;
            mine.Minors += theirs.Minors;
            for (int i = 0; i < TypeCount; i++)
            {
                mine.Counts[i] += theirs.Counts[i];
            }

            theirs.Clear();
        }

        other._records = 0;
        other._recordsWithPersonalInformation = 0;
        other._unkeyed = 0;
        other._unkeyedSensitive = 0;
        other._skippedCount = 0;
        other._skipped.Clear();
    }

    /// <summary>Adds this inventory's keyed persons to sets spanning several datasets (one person in two files counts once).</summary>
    public void AddPersonsTo(PersonSet persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        persons.UnionWith(_persons);
    }

    /// <summary>Returns the inventory as it stands.</summary>
    public InventoryReport ToReport() => new()
    {
        Source = Source,
        Records = _records,
        RecordsWithPersonalInformation = _recordsWithPersonalInformation,
        Fields = [.. _fieldOrder.Select(name => _fields[name].ToReport())],
        Persons = _persons.Count + _unkeyed,
        SensitivePersons = _persons.SensitiveCount + _unkeyedSensitive,
        UnkeyedRecords = _unkeyed,
        UnkeyedSensitiveRecords = _unkeyedSensitive,
        SkippedCount = _skippedCount,
        Skipped = [.. _skipped],
    };

    private static int TypeCount => IdentifierTypeCount.Value;

    /// <summary>Returns the tally of the field named <paramref name="name"/>, first trying the two fields that followed the previous one before.</summary>
    /// <remarks>Records of one dataset mostly list their fields in one order, with some left out, so a guess by byte comparison saves decoding the name and hashing it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FieldTally Tally(ReadOnlySpan<byte> name)
    {
        var previous = _previousField;
        FieldTally tally;
        var key = NameKey.Of(name);
        if (previous.Next is { } next && next.Key == key && (name.Length <= NameKey.Exact || name.SequenceEqual(next.NameBytes)))
        {
            tally = next;
        }
        else if (previous.NextButOne is { } other && other.Key == key && (name.Length <= NameKey.Exact || name.SequenceEqual(other.NameBytes)))
        {
            tally = other;
            (previous.Next, previous.NextButOne) = (other, previous.Next);
        }
        else
        {
            tally = Lookup(name);
            (previous.Next, previous.NextButOne) = (tally, previous.Next);
        }

        _previousField = tally;
        return tally;
    }

    /// <summary>Finds the tally of a field not guessed: a short name by its key, without decoding it; a longer one by its decoded name.</summary>
    private FieldTally Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length <= NameKey.Exact && _shortNames.TryGetValue(NameKey.Of(name), out var known))
        {
            return known;
        }

        Span<char> chars = stackalloc char[Math.Min(Encoding.UTF8.GetMaxCharCount(name.Length), 512)];
        if (Encoding.UTF8.TryGetChars(name, chars, out int written) && _fieldLookup.TryGetValue(chars[..written], out var tally))
        {
            return tally;
        }

        return Tally(Encoding.UTF8.GetString(name));
    }

    private FieldTally Tally(string name)
    {
        if (!_fields.TryGetValue(name, out var tally))
        {
            tally = new FieldTally(name, FieldClassifier.Classify(name), _referenceDate);
            _fields.Add(name, tally);
            _fieldOrder.Add(name);
            if (tally.NameBytes.Length <= NameKey.Exact)
            {
                _shortNames.Add(tally.Key, tally);
            }
        }

        return tally;
    }

    private static class IdentifierTypeCount
    {
        public static readonly int Value = Enum.GetValues<IdentifierType>().Length;
    }

    private sealed class FieldTally(string name, IdentifierType? hint, DateOnly referenceDate)
    {
        /// <summary>The context every value of the field is scanned in: a field, so that it is passed by reference, not made anew for each value.</summary>
        public readonly ScanContext Context = new(referenceDate, hint);

        public string Name { get; } = name;

        /// <summary>Gets the name as UTF-8, for comparing with the names readers pass.</summary>
        public byte[] NameBytes { get; } = Encoding.UTF8.GetBytes(name);

        /// <summary>Gets <see cref="NameKey.Of"/> the name: held in the tally itself, so a guess is checked without reading <see cref="NameBytes"/>.</summary>
        public NameKey Key { get; } = NameKey.Of(Encoding.UTF8.GetBytes(name));

        /// <summary>Gets or sets the field that last followed this one in a record (or began a record, for the record start).</summary>
        public FieldTally? Next { get; set; }

        /// <summary>Gets or sets the field that followed this one before <see cref="Next"/>.</summary>
        public FieldTally? NextButOne { get; set; }

        public long Values { get; set; }

        public long Minors { get; set; }

        public long[] Counts { get; } = new long[TypeCount];

        /// <summary>Sets the counts back to zero.</summary>
        public void Clear()
        {
            Values = 0;
            Minors = 0;
            Array.Clear(Counts);
        }

        public FieldReport ToReport()
        {
            var counts = ImmutableDictionary.CreateBuilder<IdentifierType, long>();
            for (int i = 0; i < Counts.Length; i++)
            {
                if (Counts[i] > 0)
                {
                    counts.Add((IdentifierType)i, Counts[i]);
                }
            }

            return new(Name, Values, counts.ToImmutable(), Minors, Context.FieldType);
        }
    }
}

/// <summary>A field name's length and up to 16 of its bytes, compared in two words: equal keys of names of up to <see cref="Exact"/> bytes mean equal names.</summary>
/// <param name="Length">The name's length in bytes.</param>
/// <param name="Head">Its first bytes, up to eight.</param>
/// <param name="Tail">Its last bytes, up to eight, overlapping <paramref name="Head"/> in a shorter name.</param>
internal readonly record struct NameKey(int Length, ulong Head, ulong Tail)
{
    /// <summary>The longest name whose key holds all of its bytes.</summary>
    public const int Exact = 16;

    /// <summary>Returns the key of <paramref name="name"/>: loads from its two ends that cover it whole when it has at most <see cref="Exact"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NameKey Of(ReadOnlySpan<byte> name)
    {
        int length = name.Length;
        ref byte first = ref MemoryMarshal.GetReference(name);
        ref byte last = ref Unsafe.Add(ref first, Math.Max(length - 8, 0));
        return length switch
        {
            >= 8 => new(length, Unsafe.ReadUnaligned<ulong>(ref first), Unsafe.ReadUnaligned<ulong>(ref last)),
            >= 4 => new(length, Unsafe.ReadUnaligned<uint>(ref first), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, length - 4))),
            >= 2 => new(length, Unsafe.ReadUnaligned<ushort>(ref first), Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref first, length - 2))),
            1 => new(length, first, 0),
            _ => new(0, 0, 0),
        };
    }
}
