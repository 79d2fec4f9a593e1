using System.Collections.Immutable;
using System.Globalization;

namespace Outbound.Law;

/// <summary>The working state of one transfer's decision while the assessor builds it.</summary>
internal sealed class TransferAnalysis(Transfer transfer, int index, Regime regime)
{
    private readonly List<Reason> _reasons = [];
    private readonly List<Warning> _warnings = [];
    private readonly List<Obligation> _obligations = [];
    private readonly HashSet<Attention> _flags = [];
    private readonly Dictionary<string, InterpretationUse> _interpretations = new(StringComparer.Ordinal);

    public Transfer Transfer { get; } = transfer;

    public int Index { get; } = index;

    public Regime Regime { get; } = regime;

    /// <summary>Gets or sets the pathway of a hard block, when one applies.</summary>
    public bool Blocked { get; set; }

    /// <summary>Gets or sets the pathway of the items an exemption covers, when any do.</summary>
    public Pathway? ExemptPathway { get; set; }

    public List<int> ExemptItems { get; } = [];

    public List<int> NotRegulatedItems { get; } = [];

    public List<int> CountedItems { get; } = [];

    /// <summary>Gets or sets a value indicating whether the exempt flow lacks its evidence.</summary>
    public bool EvidenceMissing { get; set; }

    /// <summary>Gets or sets the persons the transfer adds to the year's counters.</summary>
    public PersonCounts Added { get; set; }

    /// <summary>Gets or sets the pathway of the counted flow, once decided.</summary>
    public Pathway? CountedPathway { get; set; }

    public TransferStatus Status { get; set; } = TransferStatus.Allowed;

    public string? ApprovalId { get; set; }

    public PersonCounts Counted { get; set; }

    public Headroom? Headroom { get; set; }

    public bool CountedHasPersonalInformation => CountedItems.Any(i => Transfer.Items[i].IsPersonalInformation) || Transfer.Items.IsEmpty;

    public bool CountedHasImportantData => CountedItems.Any(i => Assessor.IsImportant(Transfer.Items[i]));

    public bool HasPersonalInformation => Transfer.Items.IsEmpty || Transfer.Items.Any(item => item.IsPersonalInformation);

    public void Because(LegalRule rule, string en, string zh) => _reasons.Add(new Reason(rule, en, zh));

    public void Warn(string en, string zh) => _warnings.Add(new Warning(en, zh));

    public void Flag(Attention flag) => _flags.Add(flag);

    public void Oblige(Obligation obligation)
    {
        if (obligation.NotComputableYear is not null)
        {
            _flags.Add(Attention.NotComputable);
        }

        _obligations.Add(obligation);
    }

    public void Uses(Interpretation interpretation, InterpretationSettings settings) =>
        _interpretations[interpretation.Name] = new InterpretationUse(interpretation, settings[interpretation]);

    public void Hold() => Status = Status == TransferStatus.Blocked ? TransferStatus.Blocked : TransferStatus.Held;

    public TransferDecision ToDecision()
    {
        var flows = ImmutableArray.CreateBuilder<FlowDecision>();
        if (Blocked)
        {
            flows.Add(new FlowDecision(Pathway.Blocked, false, [.. Enumerable.Range(0, Transfer.Items.Length)]));
        }
        else
        {
            if (ExemptPathway is Pathway exempt && ExemptItems.Count > 0)
            {
                flows.Add(new FlowDecision(exempt, false, [.. ExemptItems]));
            }

            if (NotRegulatedItems.Count > 0)
            {
                flows.Add(new FlowDecision(Pathway.NotRegulated, false, [.. NotRegulatedItems]));
            }

            if (CountedPathway is Pathway counted)
            {
                flows.Add(new FlowDecision(counted, true, [.. CountedItems]));
            }
        }

        Pathway pathway = flows.Count == 0 ? Pathway.NotRegulated : flows.Max(flow => flow.Pathway);
        return new TransferDecision
        {
            Transfer = Transfer,
            Regime = Regime,
            Pathway = pathway,
            Status = Blocked ? TransferStatus.Blocked : Status,
            Counted = Counted,
            Added = Added,
            Flows = flows.ToImmutable(),
            Flags = [.. _flags.Order()],
            Reasons = [.. _reasons],
            Obligations = [.. _obligations],
            Warnings = [.. _warnings],
            Interpretations = [.. _interpretations.Values],
            ApprovalId = ApprovalId,
            Headroom = Headroom,
        };
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
