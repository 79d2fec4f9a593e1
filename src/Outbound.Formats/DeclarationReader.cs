using System.Collections.Immutable;
using Outbound.Law;

namespace Outbound.Formats;

/// <summary>A schema error in a declaration file, with its position.</summary>
/// <param name="Source">The file name.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
/// <param name="Field">The field path, e.g. <c>transfers[1].items[0].overlap</c>; empty for errors about the whole file.</param>
/// <param name="Message">What was expected, as a sentence.</param>
internal sealed record SchemaError(string Source, int Line, int Column, string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Field.Length == 0 ? $"{Source}:{Line}:{Column}: {Message}" : $"{Source}:{Line}:{Column}: {Field}: {Message}";
}

/// <summary>A declaration read from a file, or every error found in it.</summary>
/// <param name="Declaration">The declaration, when there are no errors.</param>
/// <param name="Errors">Every schema error, in file order.</param>
internal sealed record DeclarationReadResult(Declaration? Declaration, ImmutableArray<SchemaError> Errors);

/// <summary>Reads declaration files (YAML, or the same schema as JSON).</summary>
/// <remarks>
/// The schema and its defaults are those of the declaration file in SPEC.md. Every error of a file is collected;
/// a declaration is returned only when there is none.
/// </remarks>
internal static class DeclarationReader
{
    private const int FirstYear = 2021;
    private const int LastYear = 2099;

    private static readonly ImmutableArray<string> RootFields =
        ["year", "handler", "prior_year", "interpretations", "approvals", "transfers"];

    private static readonly ImmutableArray<string> HandlerFields =
        ["name", "ciio", "state_organ", "automotive", "ftz", "group", "processed_individuals"];

    private static readonly ImmutableArray<string> PriorYearFields = ["non_sensitive", "sensitive"];

    private static readonly ImmutableArray<string> ApprovalFields =
    [
        "id", "kind", "effective", "filed", "filing_number", "valid_until", "status",
        "recipients", "purposes", "categories", "max_individuals", "triggers",
    ];

    private static readonly ImmutableArray<string> TransferFields =
    [
        "id", "date", "recipient", "purpose", "mode", "legal_basis", "exemption", "evidence",
        "ftz_listed", "ftz_sector_covered", "from_vehicle", "authority_approval", "items",
    ];

    private static readonly ImmutableArray<string> RecipientFields = ["name", "country", "kind"];

    private static readonly ImmutableArray<string> ItemFields =
    [
        "category", "subjects", "individuals", "overlap", "sensitive", "minors_under_14",
        "important", "core", "anonymised", "origin",
    ];

    private static readonly ImmutableArray<string> InterpretationNames = [.. Interpretations.All.Select(i => i.Name)];

    private static readonly ImmutableArray<string> CategoryCodes = [.. DataCategories.All.Select(c => c.Code)];

    private static readonly ImmutableArray<string> ZoneCodes = [.. FreeTradeZones.All.Select(z => z.Code)];

    /// <summary>Reads a declaration from <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static DeclarationReadResult Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);

        var errors = new SchemaErrorList(source);
        Declaration? declaration = DocumentLoader.Load(text, source, errors) is { } root
            ? ReadDeclaration(new SchemaCursor(root, "", errors), source)
            : null;

        // Readers fill missing or invalid values with placeholders (empty text, default dates, null!) so that they
        // can go on and find every error; such a declaration never leaves this method.
        return errors.IsEmpty && declaration is not null
            ? new DeclarationReadResult(declaration, [])
            : new DeclarationReadResult(null, errors.ToImmutableArray());
    }

    /// <summary>Reads the declaration file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static DeclarationReadResult ReadFile(string path) => Read(File.ReadAllText(path), path);

    private static Declaration? ReadDeclaration(SchemaCursor cursor, string source)
    {
        if (cursor.AsMap(RootFields) is not { } map)
        {
            return null;
        }

        int? year = (int?)map.Required("year")?.AsWholeNumber(FirstYear, LastYear);
        var approvalIds = new UniqueIds("approval");
        var transferIds = new UniqueIds("transfer");
        return new Declaration
        {
            Year = year ?? 0,
            Handler = ReadHandler(map.Required("handler"))!,
            PriorYear = ReadPriorYear(map.Optional("prior_year")),
            Interpretations = ReadInterpretations(map.Optional("interpretations")),
            Approvals = ReadList(map.Optional("approvals"), approval => ReadApproval(approval, approvalIds)),
            Transfers = ReadList(map.Optional("transfers"), transfer => ReadTransfer(transfer, year, transferIds)),
            Source = source,
        };
    }

    private static HandlerProfile? ReadHandler(SchemaCursor? cursor)
    {
        if (cursor?.AsMap(HandlerFields) is not { } map)
        {
            return null;
        }

        return new HandlerProfile
        {
            Name = map.Required("name")?.AsNonEmptyText() ?? "",
            CriticalInformationInfrastructureOperator = map.Optional("ciio")?.AsBoolean() ?? false,
            StateOrgan = map.Optional("state_organ")?.AsBoolean() ?? false,
            Automotive = map.Optional("automotive")?.AsBoolean() ?? false,
            FreeTradeZone = map.Nullable("ftz")?.AsText(
                code => FreeTradeZones.TryGet(code, out var zone) ? zone.Code : null,
                found => Messages.ExpectedFreeTradeZone(ZoneCodes, found)),
            Group = map.Nullable("group")?.AsText(),
            ProcessedIndividuals = map.Optional("processed_individuals")?.AsCount() ?? 0,
        };
    }

    private static PersonCounts ReadPriorYear(SchemaCursor? cursor)
    {
        if (cursor?.AsMap(PriorYearFields) is not { } map)
        {
            return default;
        }

        return new PersonCounts(
            map.Optional("non_sensitive")?.AsCount() ?? 0,
            map.Optional("sensitive")?.AsCount() ?? 0);
    }

    private static InterpretationSettings ReadInterpretations(SchemaCursor? cursor)
    {
        if (cursor?.AsMap(InterpretationNames, name => Messages.UnknownInterpretation(name, InterpretationNames)) is not { } map)
        {
            return InterpretationSettings.Defaults;
        }

        var values = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (name, value) in map.Present)
        {
            if (value.AsBoolean() is { } setting)
            {
                values[name] = setting;
            }
        }

        return values.Count == 0 ? InterpretationSettings.Defaults : new InterpretationSettings(values);
    }

    private static Approval? ReadApproval(SchemaCursor cursor, UniqueIds ids)
    {
        if (cursor.AsMap(ApprovalFields) is not { } map)
        {
            return null;
        }

        return new Approval
        {
            Id = ReadId(map, ids),
            Kind = map.Required("kind")?.AsWord<ApprovalKind>() ?? default,
            Effective = map.Required("effective")?.AsDate() ?? default,
            Filed = map.Nullable("filed")?.AsDate(),
            FilingNumber = map.Nullable("filing_number")?.AsText(),
            ValidUntil = map.Nullable("valid_until")?.AsDate(),
            Status = map.Optional("status")?.AsWord<ApprovalStatus>() ?? ApprovalStatus.Active,
            Recipients = ReadList(map.Optional("recipients"), item => item.AsText()),
            Purposes = ReadList(map.Optional("purposes"), item => item.AsText()),
            Categories = ReadList(map.Optional("categories"), item => ReadCategory(item)?.Code),
            MaxIndividuals = map.Nullable("max_individuals")?.AsCount(),
            Triggers = [.. (map.Optional("triggers")?.AsList() ?? []).Select(item => item.AsWord<ApprovalTrigger>()).OfType<ApprovalTrigger>()],
        };
    }

    private static Transfer? ReadTransfer(SchemaCursor cursor, int? year, UniqueIds ids)
    {
        if (cursor.AsMap(TransferFields) is not { } map)
        {
            return null;
        }

        return new Transfer
        {
            Id = ReadId(map, ids),
            Date = ReadTransferDate(map.Required("date"), year),
            Recipient = ReadRecipient(map.Required("recipient"))!,
            Purpose = map.Optional("purpose")?.AsText() ?? "",
            Mode = map.Optional("mode")?.AsWord<TransferMode>() ?? TransferMode.Transfer,
            LegalBasis = map.Optional("legal_basis")?.AsWord<LegalBasis>() ?? LegalBasis.Consent,
            Exemption = map.Optional("exemption")?.AsWord<ExemptionClaim>() ?? ExemptionClaim.None,
            Evidence = map.Nullable("evidence")?.AsText(),
            FreeTradeZoneListed = map.Nullable("ftz_listed")?.AsBoolean(),
            FreeTradeZoneSectorCovered = map.Nullable("ftz_sector_covered")?.AsBoolean(),
            FromVehicle = map.Optional("from_vehicle")?.AsBoolean() ?? false,
            AuthorityApproval = map.Nullable("authority_approval")?.AsText(),
            Items = ReadList(map.Optional("items"), ReadItem),
        };
    }

    private static DateOnly ReadTransferDate(SchemaCursor? cursor, int? year)
    {
        if (cursor?.AsDate() is not { } date)
        {
            return default;
        }

        if (year is { } expected && date.Year != expected)
        {
            cursor.Report(Messages.DateOutsideYear(expected, date));
        }

        return date;
    }

    private static Recipient? ReadRecipient(SchemaCursor? cursor)
    {
        if (cursor?.AsMap(RecipientFields) is not { } map)
        {
            return null;
        }

        return new Recipient(
            map.Required("name")?.AsNonEmptyText() ?? "",
            map.Required("country")?.AsText(code => Countries.IsKnown(code) ? code : null, Messages.ExpectedCountry) ?? "",
            map.Optional("kind")?.AsWord<RecipientKind>() ?? RecipientKind.Company);
    }

    private static TransferItem? ReadItem(SchemaCursor cursor)
    {
        if (cursor.AsMap(ItemFields) is not { } map)
        {
            return null;
        }

        // An absent count is 0; an invalid one has been reported, and the parts are not compared with it.
        long? individuals = map.Optional("individuals") is { } field ? field.AsCount() : 0;
        return new TransferItem
        {
            Category = ReadCategory(map.Required("category"))!,
            Subjects = map.Optional("subjects")?.AsWord<SubjectGroup>() ?? SubjectGroup.Customers,
            Individuals = individuals ?? 0,
            Overlap = ReadPartOfIndividuals(map.Optional("overlap"), individuals),
            Sensitive = map.Nullable("sensitive")?.AsBoolean(),
            MinorsUnder14 = ReadPartOfIndividuals(map.Optional("minors_under_14"), individuals),
            Important = map.Optional("important")?.AsWord<ImportantDataStatus>() ?? ImportantDataStatus.None,
            Core = map.Optional("core")?.AsBoolean() ?? false,
            Anonymised = map.Optional("anonymised")?.AsBoolean() ?? false,
            Origin = map.Optional("origin")?.AsWord<DataOrigin>() ?? DataOrigin.Domestic,
        };
    }

    private static long ReadPartOfIndividuals(SchemaCursor? cursor, long? individuals)
    {
        if (cursor?.AsCount() is not { } part)
        {
            return 0;
        }

        if (part > individuals)
        {
            cursor.Report(Messages.ExceedsIndividuals(individuals.Value, part));
        }

        return part;
    }

    private static DataCategory? ReadCategory(SchemaCursor? cursor) =>
        cursor?.AsText(
            code => DataCategories.TryGet(code, out var category) ? category : null,
            found => Messages.ExpectedCategory(CategoryCodes, found));

    private static string ReadId(FieldMap map, UniqueIds ids)
    {
        SchemaCursor? cursor = map.Required("id");
        if (cursor?.AsNonEmptyText() is not { } id)
        {
            return "";
        }

        ids.Claim(id, cursor);
        return id;
    }

    private static ImmutableArray<T> ReadList<T>(SchemaCursor? cursor, Func<SchemaCursor, T?> read)
        where T : class =>
        [.. (cursor?.AsList() ?? []).Select(read).OfType<T>()];

    /// <summary>Reports an id used a second time among approvals, or among transfers.</summary>
    private sealed class UniqueIds(string kind)
    {
        private readonly Dictionary<string, SchemaCursor> _first = new(StringComparer.Ordinal);

        public void Claim(string id, SchemaCursor at)
        {
            if (!_first.TryAdd(id, at))
            {
                SchemaCursor first = _first[id];
                at.Report(Messages.DuplicateId(kind, id, first.Path, (int)first.Line));
            }
        }
    }
}
