using System.ComponentModel;
using System.Globalization;
using Outbound.Detection;
using Outbound.Formats.Records;
using Outbound.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary><c>outbound scan PATH...</c> and <c>outbound scan --db STORE</c>: an inventory of personal information with distinct persons.</summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The clock that gives the default reference date.</param>
internal sealed class ScanCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time) : Command<ScanCommand.Settings>
{
    /// <summary>Exit code when no personal information was found.</summary>
    public const int NothingFound = 0;

    /// <summary>Exit code when personal information was found.</summary>
    public const int Found = 1;

    /// <summary>The arguments and options of <c>outbound scan</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[PATH]")]
        [Description(Messages.PathsArgument)]
        public string[] Paths { get; init; } = [];

        [CommandOption("--db <STORE>")]
        [Description(Messages.DbOption)]
        public string? Db { get; init; }

        [CommandOption("--table <TABLE>")]
        [Description(Messages.TableOption)]
        public string? Table { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description(Messages.FormatOption)]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        [CommandOption("--sample <N>")]
        [Description(Messages.SampleOption)]
        public int? Sample { get; init; }

        [CommandOption("--spans")]
        [Description(Messages.SpansOption)]
        public bool Spans { get; init; }

        [CommandOption("--field <NAME>")]
        [Description(Messages.FieldOption)]
        public string? Field { get; init; }

        [CommandOption("--key-file <FILE>")]
        [Description(Messages.KeyFileOption)]
        public string? KeyFile { get; init; }

        [CommandOption("--validated-only")]
        [Description(Messages.ValidatedOnlyOption)]
        public bool ValidatedOnly { get; init; }

        [CommandOption("--as-of <DATE>")]
        [Description(Messages.ScanAsOfOption)]
        public string? AsOf { get; init; }

        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            if (!AssessCommand.Settings.Formats.Contains(Format, StringComparer.Ordinal))
            {
                problems.Add(Messages.FormatInvalid(Format));
            }

            if (AsOf is not null && !DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add(Messages.AsOfInvalid(AsOf));
            }

            if (Sample is < 1)
            {
                problems.Add(Messages.SampleInvalid(Sample.Value));
            }

            if (Paths.Length == 0 && Db is null)
            {
                problems.Add(Messages.NothingToScan);
            }

            if (Paths.Length > 0 && Db is not null)
            {
                problems.Add(Messages.PathsAndDb);
            }

            if (Table is not null && Db is null)
            {
                problems.Add(Messages.TableNeedsDb);
            }

            if (Field is not null && !Spans)
            {
                problems.Add(Messages.FieldNeedsSpans);
            }

            if (Spans && (Paths.Length != 1 || Directory.Exists(Paths[0])))
            {
                problems.Add(Messages.SpansNeedsOneFile);
            }

            problems.AddRange(Paths.Where(path => !File.Exists(path) && !Directory.Exists(path)).Select(Messages.PathMissing));
            return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join(Environment.NewLine, problems));
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (keyer, throwAway, keyError) = SubjectKeySource.Resolve(settings.KeyFile);
        if (keyer is null)
        {
            errors.WriteError(keyError!);
            return OutboundApp.UsageError;
        }

        var referenceDate = settings.AsOf is null
            ? ChinaStandardTime.Today(time)
            : DateOnly.ParseExact(settings.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scanner = RecognizerSets.Create(namesAndAddresses: !settings.ValidatedOnly);
        // On one core a second thread has nothing to overlap: every chunk is read and then scanned on this thread.
        int parallelism = Environment.ProcessorCount > 1 ? Environment.ProcessorCount : 0;

        if (settings.Spans)
        {
            using var stream = File.OpenRead(settings.Paths[0]);
            new SpansOutput(scanner, referenceDate, settings.Field).Run(stream, console.Profile.Out.Writer, parallelism);
            return NothingFound;
        }

        if (throwAway)
        {
            errors.WriteLine(Messages.ThrowAwayKey);
        }

        var factory = new ScanSources.InventoryFactory(scanner, keyer, referenceDate);
        var inventories = new List<DatasetInventory>();
        var notes = new List<string>();
        var files = ScanSources.Expand(settings.Paths);
        int skippedFiles = 0;
        void ScanFiles(Func<string, Action<long>> progressOf)
        {
            foreach (string path in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var content = SourceKind.Detect(path) == SourceKind.Parquet ? SniffedContent.Utf8Text : BinarySniffer.Sniff(path);
                if (!ScanSources.IsReadable(content))
                {
                    notes.Add(path + ": " + BinarySniffer.Note(content));
                    skippedFiles++;
                    continue;
                }

                if (content != SniffedContent.Utf8Text)
                {
                    notes.Add(path + ": " + Messages.Transcoded(content == SniffedContent.Gb18030Text ? "GB 18030" : "UTF-16"));
                }

                inventories.Add(ScanSources.ScanFile(path, content, factory, settings.Sample, parallelism, progressOf(path), cancellationToken));
            }
        }

        // A progress bar for people watching a terminal; nothing for programs reading JSON or Markdown.
        if (settings.Format == "text" && console.Profile.Capabilities.Interactive && files.Count > 0)
        {
            console.Progress().AutoClear(true).Start(progress =>
                ScanFiles(path =>
                {
                    var task = progress.AddTask(Markup.Escape(Path.GetFileName(path)), maxValue: Math.Max(1, new FileInfo(path).Length));
                    return read => task.Value = read;
                }));
        }
        else
        {
            ScanFiles(_ => _ => { });
        }

        if (settings.Db is not null)
        {
            try
            {
                using var tables = TableReader.Open(StoreLocation.Parse(settings.Db));
                foreach (string table in settings.Table is null ? tables.ListTables() : [settings.Table])
                {
                    var inventory = factory.Create(table);
                    tables.Read(table, inventory, settings.Sample, cancellationToken);
                    inventories.Add(inventory);
                }
            }
            catch (Exception error) when (error is StoreException or FormatException)
            {
                errors.WriteError(error.Message);
                return OutboundApp.UsageError;
            }
        }

        var reports = inventories.Select(inventory => inventory.ToReport()).ToList();
        var (keyedPersons, keyedSensitivePersons) = KeyedPersons(inventories, reports);
        var result = new ScanResult(
            reports,
            keyedPersons + reports.Sum(report => report.UnkeyedRecords),
            keyedSensitivePersons + reports.Sum(report => report.UnkeyedSensitiveRecords),
            notes,
            referenceDate,
            keyer.KeyId,
            throwAway,
            skippedFiles);

        switch (settings.Format)
        {
            case "json":
                console.Profile.Out.Writer.Write(InventoryOutput.ToJson(result));
                break;
            case "markdown":
                console.Profile.Out.Writer.Write(InventoryOutput.ToMarkdown(result));
                break;
            default:
                InventoryOutput.WriteText(console, result);
                break;
        }

        return result.FoundPersonalInformation ? Found : NothingFound;
    }

    /// <summary>Returns the distinct keyed persons, and those of them sensitive, across all <paramref name="inventories"/> (one person in two files counts once).</summary>
    /// <remarks>One dataset's own count already is the answer: its persons are not copied into a second set of the same size.</remarks>
    private static (long Persons, long Sensitive) KeyedPersons(List<DatasetInventory> inventories, List<InventoryReport> reports)
    {
        if (reports.Count == 1)
        {
            return (reports[0].Persons - reports[0].UnkeyedRecords, reports[0].SensitivePersons - reports[0].UnkeyedSensitiveRecords);
        }

        var persons = new PersonSet();
        foreach (var inventory in inventories)
        {
            inventory.AddPersonsTo(persons);
        }

        return (persons.Count, persons.SensitiveCount);
    }
}
