using System.Globalization;
using System.Text;
using Outbound.Testing.Synthetic;

namespace Outbound.Accuracy;

/// <summary>The command line: <c>generate</c> writes a labelled corpus, <c>score</c> compares predictions with one.</summary>
public static class AccuracyApp
{
    /// <summary>Exit code: every judged type reached its threshold.</summary>
    public const int Success = 0;

    /// <summary>Exit code: a judged type fell below its threshold.</summary>
    public const int BelowThreshold = 1;

    /// <summary>Exit code: bad arguments or unreadable input.</summary>
    public const int UsageError = 2;

    private const string Usage = """
        Usage:
          generate --records N [--seed S] --out FILE [--kinds telemetry,account,order,text] [--raw]
          generate --bytes B [--seed S] --out FILE [--kinds ...] [--raw]
              Writes a deterministic labelled corpus, one JSON line per record:
              {"id":"…","text":"…","spans":[{"start":s,"end":e,"type":"CN_MOBILE"}]}
              --raw writes only each record's text (e.g. telemetry JSON lines for timing);
              --bytes stops once the file holds at least B bytes. FILE "-" is standard output.
          score --gold GOLD.jsonl --predicted PRED.jsonl [--min P] [--min-names F] [--errors N]
                [--validated TYPE,TYPE,...] [--title TEXT]
              Prints precision, recall and F1 per type. Exit 1 when a validated type's precision or
              recall is below --min, or a name/address type's F1 is below --min-names; 2 on bad input.
        """;

    /// <summary>Runs one command and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? UsageError : Success;
        }

        try
        {
            var options = Options.Parse(args.AsSpan(1));
            return args[0] switch
            {
                "generate" => Generate(options, output),
                "score" => Score(options, output),
                _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Error: {e.Message}");
            error.WriteLine(Usage);
            return UsageError;
        }
    }

    private static int Generate(Options options, TextWriter output)
    {
        int seed = options.Int("seed") ?? 20261129;
        int? records = options.Int("records");
        long? bytes = options.Long("bytes");
        string path = options.Required("out");
        bool raw = options.Flag("raw");
        var kinds = ParseKinds(options.Value("kinds"));
        options.RejectUnused();
        if ((records is null) == (bytes is null))
        {
            throw new ArgumentException("Give exactly one of --records and --bytes.");
        }

        var generator = new CorpusGenerator(seed);
        var source = generator.Records(records ?? int.MaxValue, kinds);
        using var stream = path == "-" ? Console.OpenStandardOutput() : File.Create(path);
        using var buffered = new BufferedStream(stream, 1 << 20);
        long written = 0;
        int count = 0;
        foreach (var record in source)
        {
            if (bytes is { } limit && written >= limit)
            {
                break;
            }

            byte[] line = Encoding.UTF8.GetBytes((raw ? record.Text : CorpusJson.ToJsonLine(record)) + "\n");
            buffered.Write(line);
            written += line.Length;
            count++;
        }

        buffered.Flush();
        if (path != "-")
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} records ({written} bytes, seed {seed}) to {path}"));
        }

        return Success;
    }

    private static int Score(Options options, TextWriter output)
    {
        string goldPath = options.Required("gold");
        string predictedPath = options.Required("predicted");
        double? minimum = options.Double("min");
        double? minimumNames = options.Double("min-names");
        int examples = options.Int("errors") ?? 5;
        string title = options.Value("title") ?? goldPath;
        var validated = options.Value("validated") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        options.RejectUnused();

        var gold = CorpusReader.ReadGoldFile(goldPath);
        var predicted = CorpusReader.ReadPredictionsFile(predictedPath);
        var report = Scorer.Score(gold, predicted, Math.Max(examples, 1));
        ReportPrinter.Print(report, output, title, examples, validated);

        var failures = report.Failures(minimum, minimumNames, validated);
        foreach (string failure in failures)
        {
            output.WriteLine($"BELOW THRESHOLD {failure}");
        }

        if (minimum is not null || minimumNames is not null)
        {
            output.WriteLine(failures.Count == 0 ? "thresholds: all met" : string.Create(CultureInfo.InvariantCulture, $"thresholds: {failures.Count} not met"));
        }

        return failures.Count == 0 ? Success : BelowThreshold;
    }

    private static RecordKinds ParseKinds(string? kinds)
    {
        if (kinds is null)
        {
            return RecordKinds.All;
        }

        var result = RecordKinds.None;
        foreach (string kind in kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result |= kind switch
            {
                "telemetry" => RecordKinds.Telemetry,
                "account" => RecordKinds.Account,
                "order" => RecordKinds.Order,
                "text" => RecordKinds.Text,
                _ => throw new ArgumentException($"Unknown record kind '{kind}'; use telemetry, account, order or text."),
            };
        }

        return result;
    }

    /// <summary><c>--name value</c> pairs and bare <c>--flag</c>s.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public static Options Parse(ReadOnlySpan<string> args)
        {
            var options = new Options();
            for (int i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
                {
                    throw new ArgumentException($"Unexpected argument '{args[i]}'.");
                }

                string name = args[i][2..];
                string? value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
                if (!options._values.TryAdd(name, value))
                {
                    throw new ArgumentException($"--{name} is given twice.");
                }
            }

            return options;
        }

        public string? Value(string name)
        {
            _used.Add(name);
            return _values.TryGetValue(name, out var value)
                ? value ?? throw new ArgumentException($"--{name} needs a value.")
                : null;
        }

        public string Required(string name) => Value(name) ?? throw new ArgumentException($"--{name} is required.");

        public bool Flag(string name)
        {
            _used.Add(name);
            return _values.TryGetValue(name, out var value)
                ? value is null ? true : throw new ArgumentException($"--{name} takes no value.")
                : false;
        }

        public int? Int(string name) => Value(name) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 0 ? value : throw new ArgumentException($"--{name} must be a whole number; got '{text}'.")
            : null;

        public long? Long(string name) => Value(name) is { } text
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value > 0 ? value : throw new ArgumentException($"--{name} must be a positive whole number; got '{text}'.")
            : null;

        public double? Double(string name) => Value(name) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value is >= 0 and <= 1 ? value : throw new ArgumentException($"--{name} must be a number from 0 to 1; got '{text}'.")
            : null;

        public void RejectUnused()
        {
            string[] unknown = [.. _values.Keys.Where(key => !_used.Contains(key))];
            if (unknown.Length > 0)
            {
                throw new ArgumentException($"Unknown option --{unknown[0]}.");
            }
        }
    }
}
