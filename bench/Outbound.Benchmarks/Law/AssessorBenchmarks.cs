using BenchmarkDotNet.Attributes;
using Outbound.Law;

namespace Outbound.Benchmarks.Law;

/// <summary>
/// Assessing a year of transfers, against a baseline that only sums the persons and looks up the band: the
/// ratio is the price of exemptions, approvals, obligations and the bilingual reasons.
/// </summary>
public class AssessorBenchmarks
{
    private readonly Assessor _assessor = new(WorkingDayCalendar.Default);
    private Declaration _declaration = null!;

    [Params(100, 10_000)]
    public int Transfers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] categories = ["contact", "account", "order", "health", "trajectory"];
        var transfers = Enumerable.Range(0, Transfers).Select(i => new Transfer
        {
            Id = $"t{i}",
            Date = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 365)),
            Recipient = new Recipient("ACME GmbH", "DE", RecipientKind.Company),
            Purpose = "group CRM",
            Exemption = i % 7 == 0 ? ExemptionClaim.Contract : ExemptionClaim.None,
            Evidence = "terms v3",
            Items =
            [
                new TransferItem { Category = DataCategories.Get(categories[random.Next(categories.Length)]), Individuals = random.Next(0, 200) },
                new TransferItem { Category = DataCategories.Get("contact"), Individuals = random.Next(0, 2_000) },
            ],
        });
        var scc = new Approval { Id = "scc", Kind = ApprovalKind.StandardContract, Effective = new DateOnly(2026, 1, 5), Filed = new DateOnly(2026, 1, 9) };
        _declaration = new Declaration
        {
            Year = 2026,
            Handler = new HandlerProfile { Name = "示例科技（上海）有限公司" },
            Approvals = [scc],
            Transfers = [.. transfers],
        };
    }

    [Benchmark(Baseline = true)]
    public Pathway SumAndBand()
    {
        var total = default(PersonCounts);
        foreach (var transfer in _declaration.Transfers)
        {
            foreach (var item in transfer.Items)
            {
                total += item.IsSensitive ? new PersonCounts(0, item.Individuals) : new PersonCounts(item.Individuals, 0);
            }
        }

        return Thresholds.Band(total);
    }

    [Benchmark]
    public int Assess() => _assessor.Assess(_declaration, new DateOnly(2026, 11, 29)).Transfers.Length;
}
