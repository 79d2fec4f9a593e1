using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Outbound.Law;

/// <summary>A date computed from the working-day calendar, or the reason it could not be computed.</summary>
/// <param name="Date">The date, or <see langword="null"/> when not computable.</param>
/// <param name="MissingYear">The year the calendar lacks, when not computable.</param>
public readonly record struct CalendarDate(DateOnly? Date, int? MissingYear)
{
    /// <summary>Gets a value indicating whether the date could be computed.</summary>
    public bool IsComputable => Date is not null;

    /// <summary>Returns a computed date.</summary>
    public static CalendarDate Of(DateOnly date) => new(date, null);

    /// <summary>Returns a date that needs a year the calendar lacks.</summary>
    public static CalendarDate Missing(int year) => new(null, year);

    /// <summary>Gets why the date is not computable, in English.</summary>
    public string? ReasonEn => MissingYear is int year
        ? string.Create(CultureInfo.InvariantCulture, $"Not computable: the working-day calendar has no official holiday notice for {year}; add it with --calendar.")
        : null;

    /// <summary>Gets why the date is not computable, in Chinese.</summary>
    public string? ReasonZh => MissingYear is int year
        ? string.Create(CultureInfo.InvariantCulture, $"无法计算：工作日历缺少{year}年国务院办公厅节假日安排通知，请以 --calendar 补充。")
        : null;
}

/// <summary>
/// The PRC working-day calendar (工作日): State Council holiday notices, with days off and make-up working days.
/// </summary>
/// <remarks>
/// A date is a working day when it is a make-up working day, or a Monday to Friday that is not a day off.
/// A date in a year without a notice is never guessed from Monday to Friday: computations that need it report
/// the missing year. Late December of a year depends on the next year's notice too (元旦 can start on
/// 31 December and make-up days fall in late December), so dates from 20 December on need both years.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private const int LateDecemberDay = 20;

    private readonly FrozenDictionary<DateOnly, bool> _exceptions;

    private WorkingDayCalendar(FrozenDictionary<DateOnly, bool> exceptions, ImmutableSortedSet<int> years)
    {
        _exceptions = exceptions;
        CoveredYears = years;
    }

    /// <summary>Gets the calendar shipped with Outbound (official notices 2021–2026).</summary>
    public static WorkingDayCalendar Default { get; } = LoadDefault();

    /// <summary>Gets the years whose official notice the calendar holds.</summary>
    public ImmutableSortedSet<int> CoveredYears { get; }

    /// <summary>Reads a calendar in the <c>date,kind,name</c> CSV format (kind is <c>off</c> or <c>work</c>).</summary>
    /// <param name="csv">The file's text.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <exception cref="FormatException">A line is malformed; the message names the file, the line and what was expected.</exception>
    public static WorkingDayCalendar Parse(string csv, string source)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var exceptions = new Dictionary<DateOnly, bool>();
        var errors = new List<string>();
        string[] lines = csv.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || (i == 0 && line.StartsWith("date,", StringComparison.Ordinal)))
            {
                continue;
            }

            string[] fields = line.Split(',');
            int lineNumber = i + 1;
            if (fields.Length < 2)
            {
                errors.Add(Invariant($"{source}:{lineNumber}: expected 'date,kind,name' but found {fields.Length} field(s)."));
                continue;
            }

            if (!DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(Invariant($"{source}:{lineNumber}: field 'date' must be a date like 2026-10-01."));
                continue;
            }

            bool? working = fields[1] switch
            {
                "work" => true,
                "off" => false,
                _ => null,
            };
            if (working is null)
            {
                errors.Add(Invariant($"{source}:{lineNumber}: field 'kind' must be 'off' or 'work'."));
                continue;
            }

            if (exceptions.TryGetValue(date, out bool existing) && existing != working)
            {
                errors.Add(Invariant($"{source}:{lineNumber}: {date:yyyy-MM-dd} is listed both as 'off' and as 'work'."));
                continue;
            }

            exceptions[date] = working.Value;
        }

        if (errors.Count > 0)
        {
            throw new FormatException(string.Join(Environment.NewLine, errors));
        }

        return new WorkingDayCalendar(exceptions.ToFrozenDictionary(), YearsOf(exceptions.Keys));
    }

    /// <summary>Returns a calendar holding this one's years and <paramref name="other"/>'s; <paramref name="other"/> wins where both list a date.</summary>
    public WorkingDayCalendar Merge(WorkingDayCalendar other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var merged = new Dictionary<DateOnly, bool>(_exceptions);
        foreach (var (date, working) in other._exceptions)
        {
            merged[date] = working;
        }

        return new WorkingDayCalendar(merged.ToFrozenDictionary(), CoveredYears.Union(other.CoveredYears));
    }

    /// <summary>Returns whether <paramref name="date"/> is a working day, or <see langword="null"/> when the calendar cannot tell.</summary>
    public bool? IsWorkingDay(DateOnly date) => MissingYearFor(date) is null ? Classify(date) : null;

    /// <summary>Returns the year the calendar would need to classify <paramref name="date"/>, or <see langword="null"/>.</summary>
    public int? MissingYearFor(DateOnly date)
    {
        if (!CoveredYears.Contains(date.Year))
        {
            return date.Year;
        }

        return date.Month == 12 && date.Day >= LateDecemberDay && !CoveredYears.Contains(date.Year + 1) ? date.Year + 1 : null;
    }

    /// <summary>
    /// Returns the last day of a period of <paramref name="workingDays"/> working days that starts the day after
    /// <paramref name="trigger"/> (Civil Code Art. 201), e.g. the SCC filing deadline.
    /// </summary>
    public CalendarDate AddWorkingDays(DateOnly trigger, int workingDays) => Step(trigger, workingDays, 1);

    /// <summary>Returns the <paramref name="workingDays"/>-th working day before <paramref name="end"/>, not counting <paramref name="end"/>.</summary>
    public CalendarDate SubtractWorkingDays(DateOnly end, int workingDays) => Step(end, workingDays, -1);

    /// <summary>
    /// Returns <paramref name="date"/> when it is a working day, else the first working day after it: a period whose
    /// last day is a rest day ends on the day after the rest days (Civil Code Art. 203).
    /// </summary>
    public CalendarDate OnOrNextWorkingDay(DateOnly date)
    {
        for (var day = date; ; day = day.AddDays(1))
        {
            if (MissingYearFor(day) is int missing)
            {
                return CalendarDate.Missing(missing);
            }

            if (Classify(day))
            {
                return CalendarDate.Of(day);
            }
        }
    }

    private CalendarDate Step(DateOnly from, int workingDays, int direction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        var day = from;
        int counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(direction);
            if (MissingYearFor(day) is int missing)
            {
                return CalendarDate.Missing(missing);
            }

            if (Classify(day))
            {
                counted++;
            }
        }

        return CalendarDate.Of(day);
    }

    private bool Classify(DateOnly date) =>
        _exceptions.TryGetValue(date, out bool working)
            ? working
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static ImmutableSortedSet<int> YearsOf(IEnumerable<DateOnly> dates)
    {
        // A notice for year Y may list 31 December of Y-1 (元旦 2023 began on 2022-12-31); that does not cover Y-1.
        return [.. dates.Where(date => !(date.Month == 12 && date.Day >= LateDecemberDay)).Select(date => date.Year)];
    }

    private static WorkingDayCalendar LoadDefault()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream("Outbound.Law.cn-holidays.csv")
            ?? throw new InvalidOperationException("The embedded working-day calendar is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "cn-holidays.csv");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
