using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outbound.Law;

namespace Outbound.Storage;

/// <summary>An approval as its columns are stored; two approvals are the same when their columns are equal.</summary>
internal sealed record ApprovalColumns(
    string Id,
    string Kind,
    string Effective,
    string? Filed,
    string? FilingNumber,
    string? ValidUntil,
    string Status,
    string Recipients,
    string Purposes,
    string Categories,
    long? MaxIndividuals,
    string Triggers)
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns the columns of <paramref name="approval"/>.</summary>
    public static ApprovalColumns From(Approval approval) => new(
        approval.Id,
        Wire(approval.Kind),
        StoreValues.Date(approval.Effective),
        approval.Filed is { } filed ? StoreValues.Date(filed) : null,
        approval.FilingNumber,
        approval.ValidUntil is { } until ? StoreValues.Date(until) : null,
        Wire(approval.Status),
        JsonArray(approval.Recipients),
        JsonArray(approval.Purposes),
        JsonArray(approval.Categories),
        approval.MaxIndividuals,
        JsonArray(approval.Triggers.Select(Wire)));

    /// <summary>Returns the approval these columns hold.</summary>
    public Approval ToApproval() => new()
    {
        Id = Id,
        Kind = Parse<ApprovalKind>(Kind),
        Effective = StoreValues.Date(Effective),
        Filed = Filed is null ? null : StoreValues.Date(Filed),
        FilingNumber = FilingNumber,
        ValidUntil = ValidUntil is null ? null : StoreValues.Date(ValidUntil),
        Status = Parse<ApprovalStatus>(Status),
        Recipients = ReadArray(Recipients),
        Purposes = ReadArray(Purposes),
        Categories = ReadArray(Categories),
        MaxIndividuals = MaxIndividuals,
        Triggers = [.. ReadArray(Triggers).Select(Parse<ApprovalTrigger>)],
    };

    /// <summary>Returns the upper-case wire name of an approval's enum value, e.g. <c>STANDARD_CONTRACT</c>.</summary>
    public static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => WireNames.DeclarationWord(value).ToUpperInvariant();

    private static TEnum Parse<TEnum>(string wire)
        where TEnum : struct, Enum =>
        WireNames.TryParseDeclarationWord(wire.ToLowerInvariant(), out TEnum value)
            ? value
            : throw new StoreException(Messages.UnknownStoredValue(typeof(TEnum).Name, wire));

    private static string JsonArray(IEnumerable<string> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartArray();
            foreach (string item in items)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ImmutableArray<string> ReadArray(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(item => item.GetString() ?? "")];
    }
}
