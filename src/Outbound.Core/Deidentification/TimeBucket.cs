using System.Globalization;

namespace Outbound.Deidentification;

/// <summary>The unit a timestamp is floored to.</summary>
public enum TimeUnit
{
    /// <summary>The start of its minute.</summary>
    Minute,

    /// <summary>The start of its hour.</summary>
    Hour,

    /// <summary>The start of its day.</summary>
    Day,

    /// <summary>The start of its month.</summary>
    Month,

    /// <summary>The start of its year.</summary>
    Year,
}

/// <summary>
/// Floors a timestamp to the start of its minute, hour, day, month or year, keeping its format (<c>bucket</c>):
/// <c>2026-05-17 09:27:47</c> becomes <c>2026-05-17 09:00:00</c>, epoch milliseconds become the epoch milliseconds of
/// the hour. A quasi-identifier generaliser: anonymising only with k-anonymity (<see cref="Protection.Generalised"/>).
/// </summary>
/// <remarks>
/// <para>
/// ISO 8601 values (<c>YYYY-MM-DD</c>, then <c>T</c> or a space, <c>hh:mm</c>, optional <c>:ss</c> and fraction,
/// optional <c>Z</c> or offset; <c>/</c> in the date is read too) are floored in the offset they are written in: the
/// finer fields are set to zero in place, so the text keeps its length and layout. A date without a time is already a
/// day. Epoch values are whole numbers: up to 11 digits are seconds, 12 to 14 milliseconds; they are floored in
/// <see cref="EpochOffset"/>, China Standard Time (UTC+8) by default, so a day is a day in China.
/// </para>
/// <para>Every unit reads the output of a finer one. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class TimeBucket : Transform
{
    /// <summary>China Standard Time, UTC+8: the default offset for flooring epoch values.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Initializes a new instance of the <see cref="TimeBucket"/> class.</summary>
    /// <param name="unit">The unit timestamps are floored to.</param>
    /// <param name="epochOffset">The UTC offset epoch values are floored in; <see langword="null"/> for China Standard Time.</param>
    /// <exception cref="ArgumentOutOfRangeException">The unit is unknown or the offset is not whole minutes within ±14 hours.</exception>
    public TimeBucket(TimeUnit unit, TimeSpan? epochOffset = null)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit.");
        }

        TimeSpan offset = epochOffset ?? ChinaStandardTime;
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset.Duration() > TimeSpan.FromHours(14))
        {
            throw new ArgumentOutOfRangeException(nameof(epochOffset), offset, "Expected whole minutes within ±14 hours.");
        }

        (Unit, EpochOffset) = (unit, offset);
    }

    /// <summary>Gets the unit timestamps are floored to.</summary>
    public TimeUnit Unit { get; }

    /// <summary>Gets the UTC offset epoch values are floored in.</summary>
    public TimeSpan EpochOffset { get; }

    /// <inheritdoc/>
    public override Protection Protection => Protection.Generalised;

    /// <inheritdoc/>
    public override int GetMaxOutputLength(ReadOnlySpan<char> input) => input.Length;

    /// <inheritdoc/>
    public override bool TryApply(ReadOnlySpan<char> input, Span<char> destination, out int written)
    {
        CheckDestination(input, destination);
        written = 0;
        ReadOnlySpan<char> value = input.Trim();
        int lead = input.Length - input.TrimStart().Length;
        if (value.IsEmpty)
        {
            return false;
        }

        input.CopyTo(destination);
        if (value.ContainsAnyExceptInRange('0', '9'))
        {
            bool floored = FloorIso(value, destination.Slice(lead, value.Length));
            written = floored ? input.Length : 0;
            return floored;
        }

        // A floored epoch value can have a digit fewer (1000000000 is in September 2001, its month began at 999302400).
        ReadOnlySpan<char> trail = input[(lead + value.Length)..];
        if (!FloorEpoch(value, destination[lead..], out int digits))
        {
            return false;
        }

        trail.CopyTo(destination[(lead + digits)..]);
        written = lead + digits + trail.Length;
        return true;
    }

    /// <inheritdoc/>
    /// <remarks>Reads an epoch timestamp of digits only; anything else (dates, padding) goes by characters.</remarks>
    internal override bool TryApplyUtf8(ReadOnlySpan<byte> input, Span<byte> destination, out int written)
    {
        written = 0;
        if (input.IsEmpty || input.Length > 14 || input.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        return long.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            && FloorEpoch(value, millis: input.Length >= 12) is >= 0 and var floor
            && floor.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    internal override int GetMaxUtf8OutputLength(int inputLength) => inputLength;

    private bool FloorEpoch(ReadOnlySpan<char> digits, Span<char> target, out int written)
    {
        written = 0;
        return digits.Length <= 14
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            && FloorEpoch(value, millis: digits.Length >= 12) is >= 0 and var floor
            && floor.TryFormat(target, out written, default, CultureInfo.InvariantCulture);
    }

    // The start of the bucket an epoch value (milliseconds when `millis`, else seconds) falls in, in the same unit;
    // negative when it is before the epoch.
    private long FloorEpoch(long value, bool millis)
    {
        long unit = millis ? TimeSpan.TicksPerMillisecond : TimeSpan.TicksPerSecond;
        if (Unit <= TimeUnit.Day)
        {
            // A minute, hour or day at a fixed offset is a whole number of ticks: floor without the calendar.
            long step = Unit switch
            {
                TimeUnit.Minute => TimeSpan.TicksPerMinute,
                TimeUnit.Hour => TimeSpan.TicksPerHour,
                _ => TimeSpan.TicksPerDay,
            };
            long ticks = value * unit;
            long start = ticks - (((ticks + EpochOffset.Ticks) % step) + step) % step;
            return start / unit;
        }

        var instant = DateTimeOffset.UnixEpoch.AddTicks(value * unit).ToOffset(EpochOffset);
        var local = instant.DateTime;
        DateTime floored = Unit switch
        {
            TimeUnit.Minute => new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified),
            TimeUnit.Hour => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified),
            TimeUnit.Day => local.Date,
            TimeUnit.Month => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
            _ => new DateTime(local.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        };
        return (new DateTimeOffset(floored, EpochOffset) - DateTimeOffset.UnixEpoch).Ticks / unit;
    }

    private bool FloorIso(ReadOnlySpan<char> value, Span<char> target)
    {
        // YYYY-MM-DD
        if (value.Length < 10 || !Digits(value, 0, 4) || value[4] is not ('-' or '/') || value[7] != value[4]
            || !Digits(value, 5, 2) || !Digits(value, 8, 2)
            || Number(value, 5, 2) is < 1 or > 12 || Number(value, 8, 2) is < 1 or > 31)
        {
            return false;
        }

        if (value.Length == 10)
        {
            FloorDate(target);
            return true;
        }

        // Thh:mm[:ss[.fff]][Z|±hh:mm|±hhmm]
        if (value.Length < 16 || value[10] is not ('T' or 't' or ' ') || !Digits(value, 11, 2) || value[13] != ':' || !Digits(value, 14, 2)
            || Number(value, 11, 2) > 23 || Number(value, 14, 2) > 59)
        {
            return false;
        }

        int end = 16;
        if (end < value.Length && value[end] == ':')
        {
            if (!Digits(value, 17, 2) || Number(value, 17, 2) > 60)
            {
                return false;
            }

            end = 19;
            if (end < value.Length && value[end] is '.' or ',')
            {
                end++;
                while (end < value.Length && char.IsAsciiDigit(value[end]))
                {
                    end++;
                }
            }
        }

        ReadOnlySpan<char> zone = value[end..];
        if (!(zone.IsEmpty || zone is "Z" or "z" || IsOffset(zone)))
        {
            return false;
        }

        // Zero every field finer than the unit, in place; a fraction is finer than any unit.
        for (int i = 17; i < end; i++)
        {
            target[i] = char.IsAsciiDigit(target[i]) ? '0' : target[i];
        }

        if (Unit >= TimeUnit.Hour)
        {
            "00".CopyTo(target[14..]);
        }

        if (Unit >= TimeUnit.Day)
        {
            "00".CopyTo(target[11..]);
        }

        FloorDate(target);
        return true;
    }

    private void FloorDate(Span<char> target)
    {
        if (Unit >= TimeUnit.Month)
        {
            "01".CopyTo(target[8..]);
        }

        if (Unit >= TimeUnit.Year)
        {
            "01".CopyTo(target[5..]);
        }
    }

    private static bool IsOffset(ReadOnlySpan<char> zone) =>
        zone.Length is 3 or 5 or 6 && zone[0] is '+' or '-' && Digits(zone, 1, 2) && Number(zone, 1, 2) <= 14
        && (zone.Length == 3 || (zone.Length == 5 ? Digits(zone, 3, 2) : zone[3] == ':' && Digits(zone, 4, 2)));

    private static bool Digits(ReadOnlySpan<char> value, int start, int length) =>
        start + length <= value.Length && !value.Slice(start, length).ContainsAnyExceptInRange('0', '9');

    private static int Number(ReadOnlySpan<char> value, int start, int length) =>
        int.Parse(value.Slice(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
