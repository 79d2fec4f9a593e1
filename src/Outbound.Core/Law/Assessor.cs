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

    /// <summary>Assesses every transfer of <paramref name="declaration"/>, judging deadlines as of <paramref name="asOf"/>.</summary>
    public AssessmentResult Assess(Declaration declaration, DateOnly asOf) => throw new NotImplementedException();

    /// <summary>
    /// Assesses several declarations given together; those of one company group are also checked for volumes split
    /// across affiliates (SPLIT_RISK).
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<AssessmentResult> AssessAll(IReadOnlyList<Declaration> declarations, DateOnly asOf) =>
        throw new NotImplementedException();
}
