namespace Outbound.Detection.Recognizers;

/// <summary>The birth-date rules of a citizen identity number (GB 11643-1999 §5.3) and what the date implies.</summary>
internal static class ResidentIdRules
{
    /// <summary>The earliest birth year accepted: anyone born before it is taken as no longer living.</summary>
    public const int EarliestBirthYear = 1800;

    /// <summary>
    /// Personal information of a minor under this age is sensitive (PIPL Art. 28: 不满十四周岁未成年人的个人信息).
    /// </summary>
    public const int SensitiveMinorAge = 14;

    /// <summary>Reads a birth date written as YYYYMMDD: a real calendar date from <see cref="EarliestBirthYear"/> on.</summary>
    public static bool TryParseBirthDate(ReadOnlySpan<byte> yyyymmdd, out DateOnly date)
    {
        date = default;
        return yyyymmdd.Length == 8
            && !yyyymmdd.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && TryMakeDate(RecognizerBytes.ParseDigits(yyyymmdd[..4]), RecognizerBytes.ParseDigits(yyyymmdd[4..6]), RecognizerBytes.ParseDigits(yyyymmdd[6..]), out date);
    }

    /// <summary>Reads the YYMMDD birth date of a 15-digit first-generation number, whose year is always 19YY.</summary>
    public static bool TryParseShortBirthDate(ReadOnlySpan<byte> yymmdd, out DateOnly date)
    {
        date = default;
        return yymmdd.Length == 6
            && !yymmdd.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && TryMakeDate(1900 + RecognizerBytes.ParseDigits(yymmdd[..2]), RecognizerBytes.ParseDigits(yymmdd[2..4]), RecognizerBytes.ParseDigits(yymmdd[4..]), out date);
    }

    /// <summary>
    /// Returns <see langword="true"/> when someone born on <paramref name="birth"/> has not reached
    /// <see cref="SensitiveMinorAge"/> on <paramref name="reference"/>.
    /// </summary>
    /// <remarks>
    /// Age is counted in whole years by the calendar (周岁): a person who turns 14 on the reference date is no longer
    /// under 14. Someone born on 29 February turns 14 on 1 March when the fourteenth year has no 29 February, so
    /// they count as a minor one day longer rather than one day shorter.
    /// </remarks>
    public static bool IsUnder(int age, DateOnly birth, DateOnly reference)
    {
        int year = birth.Year + age;
        if (year > DateOnly.MaxValue.Year)
        {
            return true;
        }

        var birthday = birth.Month == 2 && birth.Day == 29 && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, birth.Month, birth.Day);
        return reference < birthday;
    }

    private static bool TryMakeDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < EarliestBirthYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
