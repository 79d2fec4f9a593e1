using System.Globalization;
using System.Text;
using Outbound.Detection;
using Outbound.Gateway;

namespace Outbound.Storage.Tests.Gateway;

public abstract partial class GatewayStoreContract
{
    // Synthetic identifiers in real formats: the ID is the example printed in GB 11643, the card passes Luhn.
    private const string ResidentId = "11010519491231002X";
    private const string Mobile = "13912345678";
    private static readonly string Card = WithLuhnDigit("622202020011234567");

    [Fact]
    public void EveryPort_RecordsWithIdentifiers_NoColumnOutsideQuarantineSealsHoldsOne()
    {
        // Given records with identifiers, pushed through every port as the gateway would: persons as subject keys,
        // retained records sealed, batches as digests and counts
        var scanner = RecognizerSets.Create(namesAndAddresses: false);
        string[] records =
        [
            $$"""{"name":"张三","id_card":"{{ResidentId}}","mobile":"{{Mobile}}","card":"{{Card}}"}""",
            $$"""{"customer":"李四","phone":"+86 {{Mobile}}","note":"卡号：{{Card}}"}""",
        ];
        Assert.Equal(3, Found(scanner, Encoding.UTF8.GetBytes(records[0])).Count); // the scanner sees them in the raw record

        using var signer = AuditSigner.Create();
        var store = Open(signer);
        var sealer = new QuarantineSealer(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var run = store.OpenRun(RunKey(records[0]), Now);
        store.ImportApprovals(Handler, [Contract], Record("""{"approvals":["scc-2026"]}""", AuditKind.ApprovalImport));
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.Register(
                [
                    new LedgerEntry(Keyer.Key(IdentifierType.CnResidentId, Encoding.UTF8.GetBytes(ResidentId))!.Value, Sensitivity.Sensitive),
                    new LedgerEntry(Keyer.Key(IdentifierType.CnMobile, Encoding.UTF8.GetBytes(Mobile))!.Value, Sensitivity.NonSensitive),
                    new LedgerEntry(Keyer.Key(IdentifierType.BankCard, Encoding.UTF8.GetBytes(Card))!.Value, Sensitivity.Sensitive),
                ],
                NoCeiling);
            transaction.Quarantine(
            [
                .. records.Select((record, i) => new QuarantineItem(
                    run.Key.RunId, 1, i + 1, RetainReason.ScopeExceeded, "R-BLK-5", "The record carries bank card data, which the approval does not cover.",
                    sealer.Seal(Encoding.UTF8.GetBytes(record), run.Key.RunId, i + 1), sealer.KeyId)),
            ]);
            transaction.RecordBatch(Manifest(run.Key.RunId, 1) with { BatchDigest = GatewayDigest.Sha256Hex(Encoding.UTF8.GetBytes(string.Join('\n', records))) });
            transaction.Append(Record($$$"""{"run_id":"{{{run.Key.RunId}}}","batch":1,"released":0,"retained":2,"added":{"non_sensitive":1,"sensitive":2}}"""));
            transaction.Commit();
        }

        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.MarkReleased([store.Quarantined(new QuarantineQuery())[0].Id], Now);
            transaction.Append(Record("""{"released":1}""", AuditKind.QuarantineRelease));
            transaction.Commit();
        }

        // When every column of every row of every table is scanned, text and bytes alike
        var leaks = new List<string>();
        int valuesScanned = 0;
        using var reader = TableReader.Open(Location);
        using var connection = Connection(store);
        foreach (string table in reader.ListTables().Where(name => !name.Contains('.', StringComparison.Ordinal)))
        {
            using var command = StoreValues.Command(connection, null, $"SELECT * FROM \"{table}\"");
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                for (int column = 0; column < rows.FieldCount; column++)
                {
                    if (rows.IsDBNull(column) || (table == "quarantine" && rows.GetName(column) == "sealed"))
                    {
                        continue;
                    }

                    byte[] value = rows.GetValue(column) switch
                    {
                        byte[] bytes => bytes,
                        string text => Encoding.UTF8.GetBytes(text),
                        var other => Encoding.UTF8.GetBytes(Convert.ToString(other, CultureInfo.InvariantCulture)!),
                    };
                    valuesScanned++;
                    foreach (var finding in Found(scanner, value))
                    {
                        leaks.Add($"{table}.{rows.GetName(column)}: {IdentifierCatalog.WireName(finding.Type)}");
                    }

                    string asText = Encoding.UTF8.GetString(value);
                    if (asText.Contains(ResidentId, StringComparison.Ordinal) || asText.Contains(Mobile, StringComparison.Ordinal) || asText.Contains(Card, StringComparison.Ordinal))
                    {
                        leaks.Add($"{table}.{rows.GetName(column)}: holds a planted identifier");
                    }
                }
            }
        }

        // Then none is found, and the sealed records still open to what went in
        Assert.Empty(leaks);
        Assert.True(valuesScanned > 50, $"Only {valuesScanned} values were scanned.");
        var sealedRecord = store.Quarantined(new QuarantineQuery(IncludeReleased: true))[1];
        Assert.Equal(records[1], Encoding.UTF8.GetString(sealer.Open(sealedRecord.Item.Sealed.Span, run.Key.RunId, 2)));
    }

    private static List<Finding> Found(Scanner scanner, byte[] value)
    {
        var findings = new List<Finding>();
        scanner.Scan(value, new ScanContext(new DateOnly(2026, 11, 29)), findings);
        findings.RemoveAll(f => f.Type is not (IdentifierType.CnResidentId or IdentifierType.CnMobile or IdentifierType.BankCard));
        return findings;
    }

    private static string WithLuhnDigit(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int digit = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? (digit * 2 > 9 ? (digit * 2) - 9 : digit * 2) : digit;
        }

        return digits + (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
