using System.Collections.Immutable;
using Outbound.Law;

namespace Outbound.Core.Tests.Law;

/// <summary>Builds synthetic declarations for assessor tests.</summary>
internal static class Declarations
{
    public static readonly Recipient Acme = new("ACME GmbH", "DE", RecipientKind.Company);

    public static Declaration Of(params Transfer[] transfers) => new()
    {
        Year = 2026,
        Handler = new HandlerProfile { Name = "示例科技（上海）有限公司" },
        Transfers = [.. transfers],
    };

    public static Transfer Transfer(string id, DateOnly date, params TransferItem[] items) => new()
    {
        Id = id,
        Date = date,
        Recipient = Acme,
        Purpose = "group CRM",
        Items = [.. items],
    };

    public static TransferItem Item(string category, long individuals, SubjectGroup subjects = SubjectGroup.Customers) => new()
    {
        Category = DataCategories.Get(category),
        Subjects = subjects,
        Individuals = individuals,
    };

    public static ImmutableArray<string> Obligations(TransferDecision decision) =>
        [.. decision.Obligations.Select(obligation => WireNames.Of(obligation.Kind))];
}
