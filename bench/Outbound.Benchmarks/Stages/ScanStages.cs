using System.Diagnostics;
using System.Globalization;
using Outbound.Detection;
using Outbound.Formats.Records;

namespace Outbound.Benchmarks.Stages;

/// <summary>
/// Times the stages of <c>outbound scan</c> on one JSON-lines file held in memory, one thread, interleaved rounds:
/// splitting lines, the byte scanner over raw lines, JSON parsing alone, and the whole inventory. Prints MB/s and bytes
/// allocated per record of each stage, so one change can be judged by ratios from the same run on a noisy machine.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project bench/Outbound.Benchmarks -- stages FILE [MB] [ROUNDS] [STAGES]</c>, STAGES
/// a comma-separated choice of lines, scanner, parse, parse-general, fieldscan, scanonly and inventory; or one of
/// <c>calls</c> (calls and matches per recognizer), <c>fields</c> (nanoseconds a value of each field, values gathered
/// first) and <c>repeat</c> (one value of each common shape scanned again and again, with its run and each recognizer
/// the run's shape lets through). The command-line tool runs with tiered compilation off; set
/// <c>DOTNET_TieredCompilation=0</c> to time what it runs.
/// </remarks>
internal static class ScanStages
{
    private static readonly DateOnly ReferenceDate = new(2026, 11, 29);

    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: stages FILE [MB=300] [ROUNDS=3] [STAGES=lines,scanner,parse,fieldscan,inventory | calls | fields | repeat]");
            return 2;
        }

        int megabytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        string[] wanted = args.Length > 3 ? args[3].Split(',') : ["lines", "scanner", "parse", "fieldscan", "inventory"];
        byte[] data = Load(args[0], megabytes * 1_000_000L);
        var scanner = RecognizerSets.Create(namesAndAddresses: false);
        var keyer = SubjectKeyer.ThrowAway();
        var stages = new Dictionary<string, Func<byte[], long>>
        {
            ["lines"] = CountLines,
            ["scanner"] = bytes => RawScan(bytes, scanner),
            ["parse"] = bytes => Parse(bytes, new NullVisitor()),
            ["parse-general"] = bytes => Parse(bytes, new NullVisitor(), simple: false),
            ["fieldscan"] = bytes => Parse(bytes, new ScanningVisitor(scanner)),
            ["scanonly"] = bytes => Parse(bytes, new ScanOnlyVisitor(scanner)),
            ["inventory"] = bytes =>
            {
                var inventory = new DatasetInventory("stages", scanner, keyer, ReferenceDate);
                Parse(bytes, inventory);
                var report = inventory.ToReport();
                return report.Persons * 1000 + report.SensitivePersons;
            },
        };

        if (wanted is ["calls"])
        {
            return Calls(data);
        }

        if (wanted is ["repeat"])
        {
            return Repeat(scanner);
        }

        if (wanted is ["fields"])
        {
            return Fields(data, scanner, rounds);
        }

        long records = CountLines(data);
        Console.WriteLine($"{data.Length / 1e6:F1} MB, {records} lines, {rounds} rounds");
        var best = new Dictionary<string, double>();
        var bestCpu = new Dictionary<string, double>();
        var allocated = new Dictionary<string, long>();
        var results = new Dictionary<string, long>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (string name in wanted)
            {
                GC.Collect();
                long before = GC.GetAllocatedBytesForCurrentThread();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                results[name] = stages[name](data);
                double seconds = watch.Elapsed.TotalSeconds;
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                bestCpu[name] = Math.Min(bestCpu.GetValueOrDefault(name, double.MaxValue), cpuSeconds);
                allocated[name] = GC.GetAllocatedBytesForCurrentThread() - before;
                best[name] = Math.Min(best.GetValueOrDefault(name, double.MaxValue), seconds);
            }
        }

        // CPU seconds are steadier than wall seconds on a machine shared with other work.
        Console.WriteLine($"{"stage",-14} {"seconds",8} {"MB/s",8} {"cpu s",8} {"MB/cpu s",9} {"B/record",9}  result");
        foreach (string name in wanted)
        {
            Console.WriteLine($"{name,-14} {best[name],8:F3} {data.Length / 1e6 / best[name],8:F1} {bestCpu[name],8:F3} {data.Length / 1e6 / bestCpu[name],9:F1} {(double)allocated[name] / records,9:F1}  {results[name]}");
        }

        return 0;
    }

    private static byte[] Load(string path, long limit)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[Math.Min(limit, file.Length)];
        file.ReadExactly(buffer);
        int end = buffer.AsSpan().LastIndexOf((byte)'\n') + 1;
        return buffer.AsSpan(0, end).ToArray();
    }

    private static long CountLines(byte[] data)
    {
        long lines = 0;
        ReadOnlySpan<byte> text = data;
        while (!text.IsEmpty)
        {
            int newline = text.IndexOf((byte)'\n');
            text = newline < 0 ? [] : text[(newline + 1)..];
            lines++;
        }

        return lines;
    }

    private static long RawScan(byte[] data, Scanner scanner)
    {
        var findings = new List<Finding>(64);
        var context = new ScanContext(ReferenceDate);
        long count = 0;
        ReadOnlySpan<byte> text = data;
        while (!text.IsEmpty)
        {
            int newline = text.IndexOf((byte)'\n');
            var line = newline < 0 ? text : text[..newline];
            text = newline < 0 ? [] : text[(newline + 1)..];
            findings.Clear();
            scanner.Scan(line, context, findings);
            count += findings.Count;
        }

        return count;
    }

    private static long Parse(byte[] data, IRecordVisitor visitor, bool simple = true)
    {
        var reader = new JsonLinesReader();
        using var session = JsonLinesReader.NewSession(visitor);
        session.SimplePath = simple;
        ReadOnlySpan<byte> text = data;
        long number = 1;
        while (!text.IsEmpty)
        {
            int newline = text.IndexOf((byte)'\n');
            var line = newline < 0 ? text : text[..newline];
            text = newline < 0 ? [] : text[(newline + 1)..];
            reader.HandleLine(session, line, number++);
        }

        return session.Records;
    }

    /// <summary>Counts and roughly times the calls the scanner makes to each recognizer over field values, as the inventory scans them.</summary>
    private static int Calls(byte[] data)
    {
        var counters = RecognizerSets.Validated.Select(recognizer => new Counting(recognizer)).ToList();
        var scanner = new Scanner(counters);
        var watch = Stopwatch.StartNew();
        var visitor = new ScanningVisitor(scanner) { Ticks = [] };
        Parse(data, visitor);
        foreach (var (field, ticks) in visitor.Ticks.OrderByDescending(pair => pair.Value).Take(12))
        {
            Console.WriteLine($"field {field,-16} {Stopwatch.GetElapsedTime(0, ticks).TotalSeconds,8:F3} s");
        }

        long found = visitor.Found;
        Console.WriteLine($"{found} findings in {watch.Elapsed.TotalSeconds:F3} s (with counting overhead)");
        foreach (var counter in counters.OrderByDescending(counter => counter.Ticks))
        {
            Console.WriteLine($"{counter.Type,-14} calls {counter.Calls,10} matches {counter.Matches,10} {Stopwatch.GetElapsedTime(0, counter.Ticks).TotalSeconds,8:F3} s");
        }

        return 0;
    }

    /// <summary>Times the scanner over each field's values alone (gathered first, so nothing else is timed): nanoseconds per value.</summary>
    private static int Fields(byte[] data, Scanner scanner, int rounds)
    {
        var gatherer = new GatheringVisitor();
        Parse(data, gatherer);
        var findings = new List<Finding>(64);
        var best = new Dictionary<string, double>();
        var found = new Dictionary<string, long>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (var (name, values) in gatherer.Values)
            {
                var context = new ScanContext(ReferenceDate, FieldClassifier.Classify(name));
                long count = 0;
                long start = Stopwatch.GetTimestamp();
                foreach (byte[] value in values)
                {
                    findings.Clear();
                    scanner.Scan(value, context, findings);
                    count += findings.Count;
                }

                best[name] = Math.Min(best.GetValueOrDefault(name, double.MaxValue), Stopwatch.GetElapsedTime(start).TotalSeconds);
                found[name] = count;
            }
        }

        Console.WriteLine($"{"field",-16} {"values",10} {"ns/value",9} {"findings",10}");
        double total = 0;
        foreach (var (name, values) in gatherer.Values)
        {
            total += best[name];
            Console.WriteLine($"{name,-16} {values.Count,10} {best[name] * 1e9 / values.Count,9:F1} {found[name],10}");
        }

        Console.WriteLine($"all fields: {total:F3} s");
        return 0;
    }

    /// <summary>Times the scanner over one value again and again (everything in cache): the fixed cost of a value of each shape.</summary>
    private static int Repeat(Scanner scanner)
    {
        var findings = new List<Finding>(64);
        string[] values = ["57", "107.7", "1754114446281", "36.644591", "LVS1YUVE5TE184838", "4.2.1", "9fb9d23dbe9db2a5b07112d40d9ace21", "鲁A430U0"];
        for (int round = 0; round < 3; round++)
        {
            foreach (string text in values)
            {
                byte[] value = System.Text.Encoding.UTF8.GetBytes(text);
                var context = new ScanContext(ReferenceDate);
                const int Calls = 2_000_000;
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < Calls; i++)
                {
                    findings.Clear();
                    scanner.Scan(value, context, findings);
                }

                if (round == 2)
                {
                    Console.WriteLine($"{text,-34} {Stopwatch.GetElapsedTime(start).TotalSeconds * 1e9 / Calls,8:F1} ns {findings.Count}");
                    int length = Scanner.Run(value, 0, out uint allowed);
                    start = Stopwatch.GetTimestamp();
                    for (int i = 0; i < Calls; i++)
                    {
                        length += Scanner.Run(value, 0, out allowed);
                    }

                    Console.WriteLine($"  run {Stopwatch.GetElapsedTime(start).TotalSeconds * 1e9 / Calls,8:F1} ns {length}");
                    int runLength = Scanner.Run(value, 0, out _);
                    if (runLength < value.Length && value[runLength] == (byte)'.')
                    {
                        uint narrowed = 0;
                        start = Stopwatch.GetTimestamp();
                        for (int i = 0; i < Calls; i++)
                        {
                            narrowed ^= Scanner.AfterPoint(value, runLength, allowed, context);
                        }

                        Console.WriteLine($"  after point {Stopwatch.GetElapsedTime(start).TotalSeconds * 1e9 / Calls,8:F1} ns {narrowed}");
                        allowed = Scanner.AfterPoint(value, runLength, allowed, context);
                    }
                    foreach (var recognizer in scanner.Recognizers.Where(recognizer => recognizer.Triggers.Contains(value[0]) && (allowed & ShapeGate.Bit(recognizer.Type)) != 0))
                    {
                        start = Stopwatch.GetTimestamp();
                        int matched = 0;
                        for (int i = 0; i < Calls; i++)
                        {
                            matched += recognizer.TryMatch(value, 0, context, out _) ? 1 : 0;
                        }

                        Console.WriteLine($"  {recognizer.Type,-14} {Stopwatch.GetElapsedTime(start).TotalSeconds * 1e9 / Calls,8:F1} ns {matched}");
                    }
                }
            }
        }

        return 0;
    }

    private sealed class GatheringVisitor : IRecordVisitor
    {
        public Dictionary<string, List<byte[]>> Values { get; } = [];

        public void BeginRecord(long position)
        {
        }

        public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            string key = System.Text.Encoding.UTF8.GetString(name);
            if (!Values.TryGetValue(key, out var list))
            {
                Values[key] = list = [];
            }

            list.Add(value.ToArray());
        }

        public void EndRecord()
        {
        }

        public void Skip(long position, string field, string reason)
        {
        }
    }

    private sealed class Counting(IRecognizer inner) : IRecognizer
    {
        public long Calls { get; private set; }

        public long Matches { get; private set; }

        public long Ticks { get; private set; }

        public IdentifierType Type => inner.Type;

        public System.Buffers.SearchValues<byte> Triggers => inner.Triggers;

        public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
        {
            long start = Stopwatch.GetTimestamp();
            bool matched = inner.TryMatch(text, position, context, out finding);
            Ticks += Stopwatch.GetTimestamp() - start;
            Calls++;
            Matches += matched ? 1 : 0;
            return matched;
        }
    }

    /// <summary>Scans every field value with its name's hint, as the inventory does, and counts nothing else.</summary>
    private sealed class ScanningVisitor(Scanner scanner) : IRecordVisitor
    {
        private readonly Dictionary<string, IdentifierType?> _hints = [];
        private readonly List<Finding> _findings = new(64);

        public long Found { get; private set; }

        /// <summary>Gets or sets the time spent scanning each field, when wanted.</summary>
        public Dictionary<string, long>? Ticks { get; set; }

        public void BeginRecord(long position)
        {
        }

        public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            Span<char> chars = stackalloc char[name.Length];
            int count = System.Text.Encoding.UTF8.GetChars(name, chars);
            var lookup = _hints.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(chars[..count], out var hint))
            {
                string text = new(chars[..count]);
                hint = FieldClassifier.Classify(text);
                _hints[text] = hint;
            }

            _findings.Clear();
            long start = Stopwatch.GetTimestamp();
            scanner.Scan(value, new ScanContext(ReferenceDate, hint), _findings);
            if (Ticks is not null)
            {
                string key = System.Text.Encoding.UTF8.GetString(name);
                Ticks[key] = Ticks.GetValueOrDefault(key) + Stopwatch.GetTimestamp() - start;
            }

            Found += _findings.Count;
        }

        public void EndRecord()
        {
        }

        public void Skip(long position, string field, string reason)
        {
        }
    }

    /// <summary>Scans every field value without its name's hint and keeps nothing: the scanner's share of the inventory.</summary>
    private sealed class ScanOnlyVisitor(Scanner scanner) : IRecordVisitor
    {
        private readonly List<Finding> _findings = new(64);
        private readonly ScanContext _context = new(ReferenceDate);

        public void BeginRecord(long position)
        {
        }

        public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            _findings.Clear();
            scanner.Scan(value, _context, _findings);
        }

        public void EndRecord()
        {
        }

        public void Skip(long position, string field, string reason)
        {
        }
    }

    private sealed class NullVisitor : IRecordVisitor
    {
        private long _fields;

        public void BeginRecord(long position)
        {
        }

        public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => _fields += value.Length;

        public void EndRecord()
        {
        }

        public void Skip(long position, string field, string reason)
        {
        }
    }
}
