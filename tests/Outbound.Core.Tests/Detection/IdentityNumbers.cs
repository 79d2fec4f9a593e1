using System.Text;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

/// <summary>Builds synthetic identity, organisation, card and device numbers, and scans text with one recognizer.</summary>
internal static class IdentityNumbers
{
    /// <summary>The reference date every scan in these tests is judged against.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 11, 29);

    /// <summary>Every division code of the shipped table, for generators.</summary>
    public static readonly int[] Divisions = [.. DivisionCodes.All()];

    /// <summary>Scans <paramref name="text"/> with <paramref name="recognizer"/> alone, as the engine would.</summary>
    public static List<Finding> Scan(IRecognizer recognizer, string text, IdentifierType? fieldType = null, DateOnly? referenceDate = null)
    {
        var findings = new List<Finding>();
        new Scanner([recognizer]).Scan(Encoding.UTF8.GetBytes(text), new ScanContext(referenceDate ?? ReferenceDate, fieldType), findings);
        return findings;
    }

    /// <summary>Returns the UTF-8 byte offset of the first occurrence of <paramref name="part"/> in <paramref name="text"/>.</summary>
    public static int ByteOffset(string text, string part) =>
        Encoding.UTF8.GetByteCount(text.AsSpan(0, text.IndexOf(part, StringComparison.Ordinal)));

    /// <summary>Returns <paramref name="body"/> (17 digits) followed by its MOD 11-2 check character.</summary>
    public static string ResidentId(string body) =>
        body + (char)ResidentIdChecksum.Compute(Encoding.ASCII.GetBytes(body));

    /// <summary>Returns an 18-character identity number for a division code, birth date and sequence.</summary>
    public static string ResidentId(int division, DateOnly birth, int sequence) =>
        ResidentId(FormattableString.Invariant($"{division:D6}{birth:yyyyMMdd}{sequence:D3}"));

    /// <summary>Returns <paramref name="body"/> (17 code characters) followed by its GB 32100 check character.</summary>
    public static string Uscc(string body) => body + (char)UsccChecksum.Compute(Encoding.ASCII.GetBytes(body));

    /// <summary>Returns <paramref name="body"/> followed by its Luhn check digit.</summary>
    public static string WithLuhn(string body) => body + (char)Luhn.Compute(Encoding.ASCII.GetBytes(body));

    /// <summary>Returns <paramref name="valid"/> with one character replaced, or <see langword="null"/> when the replacement is the same character.</summary>
    public static string? Replace(string valid, int index, char replacement)
    {
        if (valid[index] == replacement)
        {
            return null;
        }

        char[] changed = valid.ToCharArray();
        changed[index] = replacement;
        return new string(changed);
    }
}
