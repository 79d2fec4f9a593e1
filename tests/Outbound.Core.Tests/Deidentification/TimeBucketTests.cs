using FsCheck.Xunit;
using Outbound.Deidentification;

namespace Outbound.Core.Tests.Deidentification;

public sealed class TimeBucketTests
{
    [Theory]
    [InlineData(TimeUnit.Minute, "2026-05-17 09:27:47", "2026-05-17 09:27:00")]
    [InlineData(TimeUnit.Hour, "2026-05-17 09:27:47", "2026-05-17 09:00:00")]
    [InlineData(TimeUnit.Day, "2026-05-17 09:27:47", "2026-05-17 00:00:00")]
    [InlineData(TimeUnit.Month, "2026-05-17 09:27:47", "2026-05-01 00:00:00")]
    [InlineData(TimeUnit.Year, "2026-05-17 09:27:47", "2026-01-01 00:00:00")]
    [InlineData(TimeUnit.Year, "2026-05-17", "2026-01-01")]
    [InlineData(TimeUnit.Hour, "2026-05-17T09:27:47.123+08:00", "2026-05-17T09:00:00.000+08:00")] // floored in its own offset
    [InlineData(TimeUnit.Hour, "2026-05-17T23:59Z", "2026-05-17T23:00Z")]
    [InlineData(TimeUnit.Day, "2026/05/17 09:27", "2026/05/17 00:00")]
    [InlineData(TimeUnit.Hour, "2026-05-17", "2026-05-17")]                  // a date is already a day
    [InlineData(TimeUnit.Month, "2026-05-17", "2026-05-01")]
    [InlineData(TimeUnit.Day, "2026-05-17 09:00:00", "2026-05-17 00:00:00")] // an hour bucket made a day bucket
    public void TryApply_Iso8601_ZeroesTheFinerFieldsInPlace(TimeUnit unit, string input, string expected) =>
        Assert.Equal(expected, new TimeBucket(unit).Apply(input));

    // 1754114446281 ms = 2025-08-02T06:00:46.281Z = 14:00:46 in China Standard Time.
    [Theory]
    [InlineData(TimeUnit.Minute, "1754114446281", "2025-08-02T14:00:00+08:00")]
    [InlineData(TimeUnit.Hour, "1754114446281", "2025-08-02T14:00:00+08:00")]
    [InlineData(TimeUnit.Day, "1754114446281", "2025-08-02T00:00:00+08:00")]   // the day in China, not in UTC
    [InlineData(TimeUnit.Month, "1754114446281", "2025-08-01T00:00:00+08:00")]
    [InlineData(TimeUnit.Year, "1754114446281", "2025-01-01T00:00:00+08:00")]
    [InlineData(TimeUnit.Day, "1754114446", "2025-08-02T00:00:00+08:00")]      // seconds
    public void TryApply_EpochValue_FlooredInChinaStandardTime(TimeUnit unit, string input, string expectedStart)
    {
        string output = new TimeBucket(unit).Apply(input);

        var expected = DateTimeOffset.Parse(expectedStart, System.Globalization.CultureInfo.InvariantCulture);
        long expectedValue = input.Length == 13 ? expected.ToUnixTimeMilliseconds() : expected.ToUnixTimeSeconds();
        Assert.Equal(expectedValue.ToString(System.Globalization.CultureInfo.InvariantCulture), output);
    }

    [Theory]
    [InlineData(0, "2025-08-01T00:00:00Z")]   // 20:00 UTC is still 1 August in UTC…
    [InlineData(8, "2025-08-02T00:00:00+08:00")] // …and already 2 August in China
    public void TryApply_EpochNearMidnight_FloorsTheDayOfTheOffset(int offsetHours, string expectedStart)
    {
        long instant = new DateTimeOffset(2025, 8, 1, 20, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        string output = new TimeBucket(TimeUnit.Day, TimeSpan.FromHours(offsetHours)).Apply(instant.ToString(System.Globalization.CultureInfo.InvariantCulture));

        long expected = DateTimeOffset.Parse(expectedStart, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), output);
    }

    [Fact]
    public void TryApply_EpochLosingADigit_IsWrittenShorter() =>
        Assert.Equal("999273600", new TimeBucket(TimeUnit.Month).Apply("1000000000")); // 2001-09-09 → 2001-09-01 00:00 UTC+8

    [Theory]
    [InlineData("2026-13-17 09:27:47")] // no 13th month
    [InlineData("2026-05-17 25:00")]    // no 25th hour
    [InlineData("17/05/2026")]
    [InlineData("not a time")]
    [InlineData("123456789012345")]     // 15 digits: neither seconds nor milliseconds
    [InlineData("2026-05-17T09:27:47+0800x")]
    public void TryApply_NotATimestamp_IsDeclined(string input) =>
        Assert.False(new TimeBucket(TimeUnit.Hour).TryApply(input, out _));

    [Fact]
    public void Constructor_OffsetOfSeconds_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeBucket(TimeUnit.Day, TimeSpan.FromSeconds(30)));

    [Fact]
    public void Protection_IsGeneralised() => Assert.Equal(Protection.Generalised, new TimeBucket(TimeUnit.Day).Protection);

    [Property(MaxTest = 2000)]
    public bool TryApply_Epoch_FloorsAsTheCalendarDoesInTheOffset(ulong seed, byte unitSeed, short offsetSeed, bool millis)
    {
        var unit = (TimeUnit)(unitSeed % 3); // Minute, Hour, Day
        var offset = TimeSpan.FromMinutes(offsetSeed % (14 * 60 + 1));
        long value = (long)(seed % (millis ? 100_000_000_000_000UL : 100_000_000_000UL));
        if (millis && value < 100_000_000_000)
        {
            value += 100_000_000_000; // 12 to 14 digits are milliseconds
        }

        long tick = millis ? TimeSpan.TicksPerMillisecond : TimeSpan.TicksPerSecond;
        var local = DateTimeOffset.UnixEpoch.AddTicks(value * tick).ToOffset(offset).DateTime;
        DateTime floored = unit switch
        {
            TimeUnit.Minute => new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified),
            TimeUnit.Hour => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified),
            _ => local.Date,
        };
        long expected = (new DateTimeOffset(floored, offset) - DateTimeOffset.UnixEpoch).Ticks / tick;
        string text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        bool applied = new TimeBucket(unit, offset).TryApply(text, out string? output);
        return expected >= 0 ? applied && output == expected.ToString(System.Globalization.CultureInfo.InvariantCulture) : !applied;
    }
}
