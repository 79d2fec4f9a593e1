namespace Outbound.Gateway;

/// <summary>China Standard Time (UTC+8, no daylight saving since 1991): the calendar the thresholds count years in.</summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Returns the date in China at <paramref name="instant"/>: 2026-12-31T17:00Z is 1 January 2027.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
