using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using Outbound.Formats;
using Outbound.Gateway;
using Outbound.Law;
using Outbound.Reports;
using Outbound.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary><c>outbound assess FILE...</c>: decides the pathway of every transfer in declaration files.</summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The clock that gives the default <c>--as-of</c> date.</param>
internal sealed class AssessCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time) : Command<AssessCommand.Settings>
{
    /// <summary>Exit code when every transfer is allowed.</summary>
    public const int AllAllowed = 0;

    /// <summary>Exit code when a transfer is held or blocked.</summary>
    public const int NeedsAction = 1;

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The arguments and options of <c>outbound assess</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>The output forms <c>--format</c> accepts.</summary>
        public static readonly ImmutableArray<string> Formats = ["text", "json", "markdown"];

        /// <summary>Gets the declaration files.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description(Messages.FileArgument)]
        public string[] Files { get; init; } = [];

        /// <summary>Gets the date deadlines are judged against, as typed.</summary>
        [CommandOption("--as-of <DATE>")]
        [Description(Messages.AsOfOption)]
        public string? AsOf { get; init; }

        /// <summary>Gets the output form.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description(Messages.FormatOption)]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        /// <summary>Gets the path of a holiday-notice CSV to add to the built-in calendar.</summary>
        [CommandOption("--calendar <FILE>")]
        [Description(Messages.CalendarOption)]
        public string? Calendar { get; init; }

        [CommandOption("--store <STORE>")]
        [Description(Messages.AssessStoreOption)]
        public string? Store { get; init; }

        /// <summary>Checks every option and file at once, and reports all problems together.</summary>
        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            if (!Formats.Contains(Format, StringComparer.Ordinal))
            {
                problems.Add(Messages.FormatInvalid(Format));
            }

            if (AsOf is not null && !TryParseDate(AsOf, out _))
            {
                problems.Add(Messages.AsOfInvalid(AsOf));
            }

            foreach (string file in Files)
            {
                if (!File.Exists(file))
                {
                    problems.Add(Messages.FileMissing(file));
                }
            }

            if (Store is not null && !StoreLocation.TryParse(Store, out _, out string? storeError))
            {
                problems.Add(storeError);
            }

            if (Calendar is not null && !File.Exists(Calendar))
            {
                problems.Add(Messages.CalendarMissing(Calendar));
            }

            return problems.Count == 0
                ? ValidationResult.Success()
                : ValidationResult.Error(string.Join('\n', problems));
        }

        /// <summary>Parses a <c>YYYY-MM-DD</c> date.</summary>
        public static bool TryParseDate(string text, out DateOnly date) =>
            DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);

        if (!TryLoadCalendar(settings.Calendar, out var calendar))
        {
            return OutboundApp.UsageError;
        }

        if (!TryReadDeclarations(settings.Files, out var declarations))
        {
            return OutboundApp.UsageError;
        }

        var asOf = settings.AsOf is string typed && Settings.TryParseDate(typed, out var date)
            ? date
            : ChinaStandardTime.Today(time);

        if (settings.Store is not null)
        {
            try
            {
                declarations = WithLedger(declarations, StoreLocation.Parse(settings.Store));
            }
            catch (StoreException error)
            {
                errors.WriteError(error.Message);
                return OutboundApp.UsageError;
            }
        }

        var assessor = new Assessor(calendar);
        IReadOnlyList<AssessmentResult> results = declarations.Count == 1
            ? [assessor.Assess(declarations[0], asOf)]
            : assessor.AssessAll(declarations, asOf);

        switch (settings.Format)
        {
            case "json":
                WriteRaw(results.Count == 1 ? AssessmentJson.ToJson(results[0]) : AssessmentJson.ToJson(results));
                break;
            case "markdown":
                WriteRaw(results.Count == 1 ? AssessmentMemo.Render(results[0]) : AssessmentMemo.Render(results));
                break;
            default:
                foreach (var result in results)
                {
                    AssessmentText.Write(console, result);
                }

                break;
        }

        return results.Any(result => result.NeedsAction) ? NeedsAction : AllAllowed;
    }

    /// <summary>
    /// Adds to each declaration what its handler actually exported this year, from the store's ledger, as a transfer
    /// <c>ledger</c> on 1 January: the planned transfers are then judged on top of the real counts. The store's
    /// approvals are used where the declaration lists none (the store is authoritative for approvals on file).
    /// </summary>
    private static List<Declaration> WithLedger(List<Declaration> declarations, StoreLocation location)
    {
        using var store = GatewayStores.Open(location, new GatewayStoreOptions());
        var result = new List<Declaration>(declarations.Count);
        foreach (var declaration in declarations)
        {
            var totals = store.Totals(declaration.Handler.Name, declaration.Year);
            var approvals = declaration.Approvals.IsEmpty ? store.Approvals(declaration.Handler.Name) : declaration.Approvals;
            if (totals.IsZero)
            {
                result.Add(declaration with { Approvals = approvals });
                continue;
            }

            var first = declaration.Transfers.IsEmpty ? null : declaration.Transfers[0];
            var ledger = LedgerTransfer.Of(
                totals,
                new DateOnly(declaration.Year, 1, 1),
                first?.Recipient ?? new Recipient("(exported so far)", "--", RecipientKind.Company),
                first?.Purpose ?? "");
            result.Add(declaration with { Approvals = approvals, Transfers = [ledger, .. declaration.Transfers] });
        }

        return result;
    }

    private bool TryLoadCalendar(string? path, out WorkingDayCalendar calendar)
    {
        calendar = WorkingDayCalendar.Default;
        if (path is null)
        {
            return true;
        }

        try
        {
            calendar = calendar.Merge(WorkingDayCalendar.Parse(File.ReadAllText(path), path));
            return true;
        }
        catch (FormatException exception)
        {
            // The message already names the file and line of each problem, one per line.
            foreach (string line in exception.Message.ReplaceLineEndings("\n").Split('\n'))
            {
                errors.WriteLine(line);
            }

            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.WriteError(Messages.FileUnreadable(path, exception.Message));
            return false;
        }
    }

    private bool TryReadDeclarations(string[] files, out List<Declaration> declarations)
    {
        declarations = [];
        var problems = new List<string>();
        foreach (string file in files)
        {
            DeclarationReadResult read;
            try
            {
                read = DeclarationReader.ReadFile(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                problems.Add(Messages.ErrorPrefix + Messages.FileUnreadable(file, exception.Message));
                continue;
            }

            if (!read.Errors.IsEmpty)
            {
                problems.AddRange(read.Errors.Select(error => error.ToString()));
            }
            else if (read.Declaration is not null)
            {
                declarations.Add(read.Declaration);
            }
        }

        // Every error of every file at once, so one run shows everything to fix.
        foreach (string problem in problems)
        {
            errors.WriteLine(problem);
        }

        return problems.Count == 0;
    }

    private void WriteRaw(string text)
    {
        // JSON and Markdown go out as they are: Spectre would wrap long lines at the console width.
        var writer = console.Profile.Out.Writer;
        writer.Write(text);
        if (!text.EndsWith('\n'))
        {
            writer.Write('\n');
        }

        writer.Flush();
    }

}
