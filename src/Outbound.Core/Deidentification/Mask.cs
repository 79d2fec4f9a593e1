using System.Buffers;
using System.Text;
using Outbound.Detection;

namespace Outbound.Deidentification;

/// <summary>
/// Keeps the first and last few characters of an identifier and masks the rest, keeping separators in place
/// (<c>mask</c>): <c>110105***********X</c>, <c>+86 138-****-8000</c>, <c>京*·****5</c>. De-identifying only.
/// </summary>
/// <remarks>
/// <para>
/// Only the identifier's significant characters are counted and masked; everything else (spaces, <c>-</c>, <c>·</c>,
/// <c>:</c>, <c>@</c>, brackets) is copied. Significant are letters and digits, Chinese characters included, except:
/// bank cards, mobile and landline numbers and IMEIs count digits only; a mobile number counts its last 11 digits, so
/// a country prefix such as <c>+86</c> is kept; an e-mail address masks its local part only.
/// </para>
/// <para>
/// <see cref="ForType"/> knows the usual shape of each type: resident ID 6 + 1 (the region and the check
/// character), mobile 3 + 4, bank card 6 + 4 (issuer and last four), plate 1 + 1 (the province character and the last
/// character), VIN 3 + 0 (the manufacturer's WMI), IMEI 8 + 0 (the model's TAC), MAC address 6 + 0 (the
/// manufacturer's OUI), e-mail and person name 1 + 0; any other type is masked whole. Masking an already masked value
/// changes nothing. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class Mask : Transform
{
    private const int NationalMobileDigits = 11;

    private static readonly SearchValues<char> AsciiLettersAndDigits = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly Shape _shape;
    private readonly byte[] _maskUtf8;

    /// <summary>Initializes a new instance of the <see cref="Mask"/> class that counts letters and digits.</summary>
    /// <param name="keepFirst">Significant characters left visible at the start.</param>
    /// <param name="keepLast">Significant characters left visible at the end.</param>
    /// <param name="maskCharacter">The character written over hidden characters; it must not be a letter or digit.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="maskCharacter"/> is a letter or digit.</exception>
    public Mask(int keepFirst, int keepLast, char maskCharacter = '*')
        : this(Shape.LettersAndDigits, keepFirst, keepLast, maskCharacter)
    {
    }

    private Mask(Shape shape, int keepFirst, int keepLast, char maskCharacter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepFirst);
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        if (char.IsLetterOrDigit(maskCharacter) || char.IsSurrogate(maskCharacter))
        {
            throw new ArgumentException("The mask character must not be a letter, a digit or half of a surrogate pair, or masking twice would differ from masking once.", nameof(maskCharacter));
        }

        (_shape, KeepFirst, KeepLast, MaskCharacter) = (shape, keepFirst, keepLast, maskCharacter);
        _maskUtf8 = Encoding.UTF8.GetBytes([maskCharacter]);
    }

    private enum Shape
    {
        LettersAndDigits,
        Digits,
        Mobile,
        Email,
    }

    /// <summary>Gets how many significant characters are kept at the start.</summary>
    public int KeepFirst { get; }

    /// <summary>Gets how many significant characters are kept at the end.</summary>
    public int KeepLast { get; }

    /// <summary>Gets the character written over hidden characters.</summary>
    public char MaskCharacter { get; }

    /// <inheritdoc/>
    public override Protection Protection => Protection.Deidentified;

    /// <summary>Returns the mask for identifiers of <paramref name="type"/>, with the type's usual counts unless given.</summary>
    /// <param name="type">The identifier type, or <see langword="null"/> for a value of no known type (letters and digits, masked whole by default).</param>
    /// <param name="keepFirst">Significant characters kept at the start, instead of the type's usual count.</param>
    /// <param name="keepLast">Significant characters kept at the end, instead of the type's usual count.</param>
    /// <param name="maskCharacter">The character written over hidden characters.</param>
    public static Mask ForType(IdentifierType? type, int? keepFirst = null, int? keepLast = null, char maskCharacter = '*')
    {
        var (shape, first, last) = type switch
        {
            IdentifierType.CnResidentId => (Shape.LettersAndDigits, 6, 1),
            IdentifierType.CnMobile => (Shape.Mobile, 3, 4),
            IdentifierType.BankCard => (Shape.Digits, 6, 4),
            IdentifierType.CnPlate => (Shape.LettersAndDigits, 1, 1),
            IdentifierType.Vin => (Shape.LettersAndDigits, 3, 0),
            IdentifierType.Imei => (Shape.Digits, 8, 0),
            IdentifierType.CnLandline => (Shape.Digits, 0, 0),
            IdentifierType.MacAddress => (Shape.LettersAndDigits, 6, 0),
            IdentifierType.Email => (Shape.Email, 1, 0),
            IdentifierType.PersonName => (Shape.LettersAndDigits, 1, 0),
            _ => (Shape.LettersAndDigits, 0, 0),
        };
        return new Mask(shape, keepFirst ?? first, keepLast ?? last, maskCharacter);
    }

    /// <inheritdoc/>
    public override int GetMaxOutputLength(ReadOnlySpan<char> input) => input.Length;

    /// <inheritdoc/>
    public override bool TryApply(ReadOnlySpan<char> input, Span<char> destination, out int written)
    {
        CheckDestination(input, destination);

        // An identifier of significant characters only (a VIN, an ID, a plate, a card's or a phone's bare digits): its
        // middle is overwritten in a copy, with no character looked at twice.
        if (IsAllSignificant(input))
        {
            int first = KeepFirst + (_shape == Shape.Mobile && input.Length >= NationalMobileDigits ? input.Length - NationalMobileDigits : 0);
            int maskedFrom = Math.Min(first, input.Length);
            int maskedTo = Math.Max(maskedFrom, input.Length - KeepLast);
            input.CopyTo(destination);
            destination[maskedFrom..maskedTo].Fill(MaskCharacter);
            written = input.Length;
            return true;
        }

        int end = _shape == Shape.Email && input.LastIndexOf('@') is >= 0 and var at ? at : input.Length;
        int count = CountSignificant(input[..end]);
        int keepFirst = KeepFirst;
        if (_shape == Shape.Mobile && count >= NationalMobileDigits)
        {
            // Digits before the national number are a country prefix (86, 0086): kept, and not counted as its first digits.
            keepFirst += count - NationalMobileDigits;
        }

        int index = 0;
        written = 0;
        int position = 0;
        while (position < input.Length)
        {
            char c = input[position];
            bool significant = IsSignificantAt(input, position, out int consumed) && position < end;
            if (significant && index >= keepFirst && index < count - KeepLast)
            {
                destination[written++] = MaskCharacter;
            }
            else if (consumed == 1)
            {
                destination[written++] = c;
            }
            else
            {
                input.Slice(position, consumed).CopyTo(destination[written..]);
                written += consumed;
            }

            index += significant ? 1 : 0;
            position += consumed;
        }

        return true;
    }

    /// <inheritdoc/>
    /// <remarks>Reads an identifier of significant characters only, as <see cref="TryApply(ReadOnlySpan{char}, Span{char}, out int)"/>'s shortcut does; any other goes by characters.</remarks>
    internal override bool TryApplyUtf8(ReadOnlySpan<byte> input, Span<byte> destination, out int written)
    {
        written = 0;
        int count = CountIfAllSignificant(input);
        if (count < 0)
        {
            return false;
        }

        int first = KeepFirst + (_shape == Shape.Mobile && count >= NationalMobileDigits ? count - NationalMobileDigits : 0);
        int maskedFrom = Math.Min(first, count);
        int maskedTo = Math.Max(maskedFrom, count - KeepLast);
        if (count == input.Length && _maskUtf8.Length == 1)
        {
            // ASCII throughout: a character is a byte.
            input.CopyTo(destination);
            destination[maskedFrom..maskedTo].Fill(_maskUtf8[0]);
            written = input.Length;
            return true;
        }

        int index = 0;
        for (int position = 0; position < input.Length; index++)
        {
            int length = input[position] < 0x80 ? 1 : input[position] < 0xE0 ? 2 : 3;
            ReadOnlySpan<byte> character = index >= maskedFrom && index < maskedTo ? _maskUtf8 : input.Slice(position, length);
            character.CopyTo(destination[written..]);
            written += character.Length;
            position += length;
        }

        return true;
    }

    /// <inheritdoc/>
    internal override int GetMaxUtf8OutputLength(int inputLength) => inputLength * _maskUtf8.Length;

    // The number of characters of UTF-8 text whose characters are all significant and of the basic plane (what
    // IsAllSignificant asks of characters), else -1.
    private int CountIfAllSignificant(ReadOnlySpan<byte> text)
    {
        int count = 0;
        for (int position = 0; position < text.Length; count++)
        {
            byte b = text[position];
            if (b < 0x80)
            {
                if (!IsSignificantAscii((char)b))
                {
                    return -1;
                }

                position++;
                continue;
            }

            if (_shape != Shape.LettersAndDigits
                || Rune.DecodeFromUtf8(text[position..], out Rune rune, out int consumed) != OperationStatus.Done
                || !rune.IsBmp
                || !Rune.IsLetterOrDigit(rune))
            {
                return -1;
            }

            position += consumed;
        }

        return count;
    }

    // Whether every character is significant and one char long: then each counts, and their count is the length.
    private bool IsAllSignificant(ReadOnlySpan<char> text)
    {
        switch (_shape)
        {
            case Shape.Digits or Shape.Mobile:
                return !text.ContainsAnyExceptInRange('0', '9');
            case Shape.LettersAndDigits:
                if (!text.ContainsAnyExcept(AsciiLettersAndDigits))
                {
                    return true;
                }

                // Outside ASCII (a plate's province), a letter or digit of the basic plane is what its rune is.
                foreach (char c in text)
                {
                    if (char.IsSurrogate(c) || !char.IsLetterOrDigit(c))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private int CountSignificant(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (int position = 0; position < text.Length;)
        {
            count += IsSignificantAt(text, position, out int consumed) ? 1 : 0;
            position += consumed;
        }

        return count;
    }

    // Whether the character at `position` is significant (counted, and masked between the kept ones), and how many
    // chars it takes; ASCII without decoding a rune. A lone surrogate is not significant.
    private bool IsSignificantAt(ReadOnlySpan<char> text, int position, out int consumed)
    {
        char c = text[position];
        if (char.IsAscii(c))
        {
            consumed = 1;
            return IsSignificantAscii(c);
        }

        return Rune.DecodeFromUtf16(text[position..], out Rune rune, out consumed) == System.Buffers.OperationStatus.Done && IsSignificant(rune);
    }

    // IsSignificant for an ASCII character, without decoding a rune.
    private bool IsSignificantAscii(char c) =>
        _shape is Shape.Digits or Shape.Mobile ? char.IsAsciiDigit(c) : char.IsAsciiLetterOrDigit(c);

    private bool IsSignificant(Rune rune) =>
        _shape is Shape.Digits or Shape.Mobile ? rune.Value is >= '0' and <= '9' : Rune.IsLetterOrDigit(rune);
}
