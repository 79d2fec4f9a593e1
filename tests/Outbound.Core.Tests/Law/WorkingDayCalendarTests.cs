using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Law;

namespace Outbound.Core.Tests.Law;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    [Theory]
    [InlineData("2025-03-03", 10, "2025-03-17")] // SC-47: Monday, no holiday; counting starts the next day
    [InlineData("2025-09-26", 10, "2025-10-16")] // across National Day 2025: Sun 28 Sep and Sat 11 Oct are working days, 1–8 Oct off
    [InlineData("2024-02-02", 10, "2024-02-21")] // Spring Festival 2024: 10–17 Feb off, Sun 4 Feb and Sun 18 Feb working
    [InlineData("2026-04-30", 1, "2026-05-06")] // Labour Day 2026: 1–5 May off
    public void AddWorkingDays_OfficialCalendar_LandsOnTheExpectedDay(string trigger, int days, string expected)
    {
        var due = Calendar.AddWorkingDays(DateOnly.Parse(trigger, System.Globalization.CultureInfo.InvariantCulture), days);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due.Date);
    }

    [Theory]
    [InlineData("2025-09-28", true)]  // Sunday make-up working day
    [InlineData("2025-10-11", true)]  // Saturday make-up working day
    [InlineData("2025-10-03", false)] // Friday inside National Day
    [InlineData("2024-02-09", true)]  // 除夕 2024 was an ordinary working Friday
    [InlineData("2026-11-28", false)] // ordinary Saturday
    public void IsWorkingDay_CoveredYear_FollowsTheNotices(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AddWorkingDays_IntoAYearWithoutNotice_NamesTheMissingYear()
    {
        var due = Calendar.AddWorkingDays(new DateOnly(2026, 12, 28), 10);

        Assert.False(due.IsComputable);
        Assert.Equal(2027, due.MissingYear);
        Assert.Contains("2027", due.ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public void IsWorkingDay_LateDecemberOfLastCoveredYear_IsUnknownUntilTheNextNotice()
    {
        Assert.Null(Calendar.IsWorkingDay(new DateOnly(2026, 12, 21)));
        Assert.Equal(2027, Calendar.MissingYearFor(new DateOnly(2026, 12, 31)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 12, 15)));
    }

    [Fact]
    public void Merge_AddedYear_MakesItComputable()
    {
        var extra = WorkingDayCalendar.Parse("date,kind,name\n2027-01-01,off,元旦\n", "extra.csv");

        var merged = Calendar.Merge(extra);

        Assert.Contains(2027, merged.CoveredYears);
        Assert.Equal(new DateOnly(2027, 1, 4), merged.AddWorkingDays(new DateOnly(2026, 12, 31), 1).Date);
    }

    [Fact]
    public void Parse_BadLines_ReportsEveryLineWithFileName()
    {
        var error = Assert.Throws<FormatException>(() =>
            WorkingDayCalendar.Parse("date,kind,name\n2027-13-01,off,x\n2027-01-02,holiday,x\n", "mine.csv"));

        Assert.Contains("mine.csv:2: field 'date' must be a date like 2026-10-01.", error.Message, StringComparison.Ordinal);
        Assert.Contains("mine.csv:3: field 'kind' must be 'off' or 'work'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_CoversTheSixNoticeYears() =>
        Assert.Equal([2021, 2022, 2023, 2024, 2025, 2026], Calendar.CoveredYears);

    [Property(MaxTest = 500)]
    public Property AddWorkingDays_AnyComputableDeadline_IsAWorkingDay() =>
        Prop.ForAll(
            Gen.Choose(0, 6 * 365).Select(offset => new DateOnly(2021, 1, 1).AddDays(offset)).ToArbitrary(),
            Gen.Choose(1, 80).ToArbitrary(),
            (trigger, days) =>
            {
                var due = Calendar.AddWorkingDays(trigger, days);
                return !due.IsComputable || (Calendar.IsWorkingDay(due.Date!.Value) == true && due.Date > trigger);
            });

    [Property(MaxTest = 500)]
    public Property SubtractWorkingDays_AnyComputableWindow_IsAWorkingDay() =>
        Prop.ForAll(
            Gen.Choose(100, 6 * 365).Select(offset => new DateOnly(2021, 1, 1).AddDays(offset)).ToArbitrary(),
            (end) =>
            {
                var opens = Calendar.SubtractWorkingDays(end, 60);
                return !opens.IsComputable || (Calendar.IsWorkingDay(opens.Date!.Value) == true && opens.Date < end);
            });
}
