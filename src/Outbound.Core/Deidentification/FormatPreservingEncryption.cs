using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Outbound.Detection;

namespace Outbound.Deidentification;

/// <summary>The characters format-preserving encryption rewrites; every other character stays in place.</summary>
public enum FpeAlphabet
{
    /// <summary>Radix 10: the digits 0–9.</summary>
    Digits = 10,

    /// <summary>Radix 36: digits and the letters A–Z, read without regard to case and written in upper case.</summary>
    UpperAlphanumeric = 36,

    /// <summary>Radix 62: digits, A–Z and a–z, case kept.</summary>
    Alphanumeric = 62,
}

/// <summary>
/// Encrypts the digits (or letters and digits) of an identifier with FF1 (NIST SP 800-38G) under AES, keeping its
/// length, its alphabet and its separators (<c>fpe</c>): <c>440105199008230274</c> becomes another 18-digit string.
/// De-identifying only: whoever holds the key can decrypt it (<c>TryDecrypt</c>), e.g. to re-identify a person
/// in China.
/// </summary>
/// <remarks>
/// Characters outside the alphabet (separators, Chinese characters, and letters under <see cref="FpeAlphabet.Digits"/>)
/// are copied to the same positions; the alphabet's characters are encrypted together as one FF1 numeral string.
/// The tweak (UTF-8) separates domains: the same digits under two tweaks encrypt differently, and decrypting needs the
/// tweak used. FF1 needs a domain of at least a million values, so a value with fewer than 6 digits (4 letters and
/// digits) is not encrypted. Instances are immutable and thread-safe.
/// </remarks>
public sealed class FormatPreservingEncryption : Transform
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const int MaxStackNumerals = 128;

    private readonly Ff1 _ff1;
    private readonly byte[] _tweak;

    /// <summary>Initializes a new instance of the <see cref="FormatPreservingEncryption"/> class.</summary>
    /// <param name="key">The AES key: 16, 24 or 32 bytes.</param>
    /// <param name="alphabet">The characters encrypted.</param>
    /// <param name="tweak">The tweak, e.g. the identifier type's wire name; at most 256 bytes of UTF-8.</param>
    /// <exception cref="ArgumentException">The key length is not an AES key length, or the tweak is too long.</exception>
    public FormatPreservingEncryption(ReadOnlySpan<byte> key, FpeAlphabet alphabet, string tweak)
    {
        ArgumentNullException.ThrowIfNull(tweak);
        if (!Enum.IsDefined(alphabet))
        {
            throw new ArgumentOutOfRangeException(nameof(alphabet), alphabet, "Expected radix 10, 36 or 62.");
        }

        _tweak = Encoding.UTF8.GetBytes(tweak);
        if (_tweak.Length > Ff1.MaximumTweakBytes)
        {
            throw new ArgumentException($"The tweak may have at most {Ff1.MaximumTweakBytes} bytes of UTF-8 but has {_tweak.Length}.", nameof(tweak));
        }

        _ff1 = new Ff1(key, (int)alphabet);
        Alphabet = alphabet;
        Tweak = tweak;
    }

    /// <summary>Gets the characters encrypted.</summary>
    public FpeAlphabet Alphabet { get; }

    /// <summary>Gets the tweak.</summary>
    public string Tweak { get; }

    /// <summary>Gets the fewest alphabet characters a value needs to be encrypted: 6 digits, or 4 letters and digits.</summary>
    public int MinimumLength => _ff1.MinimumLength;

    /// <inheritdoc/>
    public override Protection Protection => Protection.Deidentified;

    /// <summary>Returns the default tweak for identifiers of <paramref name="type"/>: its wire name, or empty for a value of no known type.</summary>
    public static string DefaultTweak(IdentifierType? type) => type is { } known ? IdentifierCatalog.WireName(known) : "";

    /// <inheritdoc/>
    public override int GetMaxOutputLength(ReadOnlySpan<char> input) => input.Length;

    /// <inheritdoc/>
    /// <remarks>Returns <see langword="false"/> when the value has fewer than <see cref="MinimumLength"/> alphabet characters.</remarks>
    public override bool TryApply(ReadOnlySpan<char> input, Span<char> destination, out int written) =>
        Cipher(input, destination, encrypt: true, out written);

    /// <summary>Decrypts <paramref name="input"/>, the output of this operator under the same key, alphabet and tweak.</summary>
    /// <returns><see langword="false"/> when the value has fewer than <see cref="MinimumLength"/> alphabet characters.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="input"/>.</exception>
    public bool TryDecrypt(ReadOnlySpan<char> input, Span<char> destination, out int written) =>
        Cipher(input, destination, encrypt: false, out written);

    /// <summary>Decrypts <paramref name="input"/> to a new string.</summary>
    /// <returns><see langword="false"/> when the value has fewer than <see cref="MinimumLength"/> alphabet characters.</returns>
    public bool TryDecrypt(ReadOnlySpan<char> input, [NotNullWhen(true)] out string? output)
    {
        char[] buffer = new char[input.Length];
        output = TryDecrypt(input, buffer, out int written) ? new string(buffer, 0, written) : null;
        return output is not null;
    }

    private bool Cipher(ReadOnlySpan<char> input, Span<char> destination, bool encrypt, out int written)
    {
        CheckDestination(input, destination);
        written = 0;

        int count = 0;
        foreach (char c in input)
        {
            count += NumeralOf(c) >= 0 ? 1 : 0;
        }

        if (!_ff1.Accepts(count))
        {
            return false;
        }

        int[]? rented = null;
        Span<int> numerals = count <= MaxStackNumerals
            ? stackalloc int[MaxStackNumerals]
            : (rented = ArrayPool<int>.Shared.Rent(count));
        try
        {
            int next = 0;
            foreach (char c in input)
            {
                if (NumeralOf(c) is >= 0 and var numeral)
                {
                    numerals[next++] = numeral;
                }
            }

            Span<int> plain = numerals[..count];
            if (encrypt)
            {
                _ff1.Encrypt(plain, _tweak, plain);
            }
            else
            {
                _ff1.Decrypt(plain, _tweak, plain);
            }

            next = 0;
            for (int i = 0; i < input.Length; i++)
            {
                destination[i] = NumeralOf(input[i]) >= 0 ? CharacterOf(plain[next++]) : input[i];
            }

            written = input.Length;
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private int NumeralOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' when Alphabet != FpeAlphabet.Digits => 10 + (c - 'A'),
        >= 'a' and <= 'z' when Alphabet == FpeAlphabet.UpperAlphanumeric => 10 + (c - 'a'),
        >= 'a' and <= 'z' when Alphabet == FpeAlphabet.Alphanumeric => 36 + (c - 'a'),
        _ => -1,
    };

    private static char CharacterOf(int numeral) => numeral switch
    {
        < 10 => (char)('0' + numeral),
        < 36 => Upper[numeral - 10],
        _ => Lower[numeral - 36],
    };
}
