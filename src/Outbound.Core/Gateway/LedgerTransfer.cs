using Outbound.Law;

namespace Outbound.Gateway;

/// <summary>What the ledger says was exported this year, as a transfer the law engine counts before the planned ones.</summary>
public static class LedgerTransfer
{
    /// <summary>The id of the transfer.</summary>
    public const string Id = "ledger";

    /// <summary>Returns a transfer of <paramref name="totals"/> persons on <paramref name="date"/>, to the recipient and for the purpose given.</summary>
    /// <remarks>
    /// The persons are counted as contact details (non-sensitive) and as sensitive contact details: the ledger knows how
    /// many persons of each kind left, not of which categories, and only the counts enter the thresholds.
    /// </remarks>
    public static Transfer Of(PersonCounts totals, DateOnly date, Recipient recipient, string purpose)
    {
        var contact = DataCategories.Get("contact");
        return new Transfer
        {
            Id = Id,
            Date = date,
            Recipient = recipient,
            Purpose = purpose,
            Items =
            [
                new TransferItem { Category = contact, Individuals = totals.NonSensitive, Sensitive = false },
                new TransferItem { Category = contact, Individuals = totals.Sensitive, Sensitive = true },
            ],
        };
    }
}
