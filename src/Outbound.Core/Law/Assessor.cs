namespace Outbound.Law;

/// <summary>Decides the pathway, status and obligations of every transfer in a declaration (RULES §14).</summary>
/// <remarks>Instances are immutable and thread-safe; create one per calendar and reuse it.</remarks>
public sealed class Assessor
{
    /// <summary>Initializes a new instance of the <see cref="Assessor"/> class.</summary>
    /// <param name="calendar">The working-day calendar used for every working-day deadline.</param>
    public Assessor(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
    }

    /// <summary>Gets the working-day calendar.</summary>
    public WorkingDayCalendar Calendar { get; }
}
