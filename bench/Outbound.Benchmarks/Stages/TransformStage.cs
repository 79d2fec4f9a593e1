using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Formats;
using Outbound.Formats.Records;

namespace Outbound.Benchmarks.Stages;

/// <summary>
/// Times the export's transform alone: the records of a JSON-lines file, scanned once with their fields' hints, then
/// transformed again and again by a policy, one thread: into strings, and as an export's worker does when there is no
/// k-anonymity (plans known, values in buffers), by characters against in UTF-8.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project bench/Outbound.Benchmarks -- transform FILE [RECORDS=100000] [ROUNDS=5]
/// [POLICY=samples/demo/fleet-policy.yaml]</c>; set <c>DOTNET_TieredCompilation=0</c> to time what the CLI runs.
/// </remarks>
internal static class TransformStage
{
    private static readonly DateOnly ReferenceDate = new(2026, 11, 29);

    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: transform FILE [RECORDS=100000] [ROUNDS=5] [POLICY=samples/demo/fleet-policy.yaml]");
            return 2;
        }

        int wanted = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        string policyPath = args.Length > 3 ? args[3] : "samples/demo/fleet-policy.yaml";
        var read = PolicyReader.ReadFile(policyPath);
        if (read.Policy is null)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, read.Errors));
            return 2;
        }

        var transformer = new RecordTransformer(read.Policy, new DeidentificationKeys(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32)));
        var records = Load(args[0], wanted, RecognizerSets.Create(namesAndAddresses: true));
        long values = records.Sum(record => record.Length);
        Console.WriteLine($"{records.Count} records, {values} values, {records.Sum(record => record.Sum(field => field.Findings.Length))} findings, {rounds} rounds");

        var output = new OutputField[64];
        double best = double.MaxValue;
        long allocated = 0;
        int remaining = 0;
        for (int round = 0; round < rounds; round++)
        {
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            remaining = 0;
            long start = Stopwatch.GetTimestamp();
            foreach (var record in records)
            {
                remaining += transformer.TransformInto(record, output).RemainingPersonalInformation.Length;
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Console.WriteLine($"transform {best:F3} s, {best * 1e9 / records.Count:F0} ns a record, {(double)allocated / records.Count:F0} bytes a record, {remaining} remaining types");

        // As an export's worker transforms: each field's plan known, rewritten values in buffers used again for every
        // record; by characters, then with the operators that read bytes rewriting in UTF-8. Rounds alternate, so both
        // meet the same minutes of the machine.
        var plans = records.Select(record => record.Select(field => transformer.PlanOf(field.Name)).ToArray()).ToList();
        var characters = new System.Buffers.ArrayBufferWriter<char>(256);
        var bytes = new System.Buffers.ArrayBufferWriter<byte>(256);
        double byCharacters = double.MaxValue;
        double byBytes = double.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            byCharacters = Math.Min(byCharacters, Time(null));
            byBytes = Math.Min(byBytes, Time(bytes));
        }

        Console.WriteLine($"worker's way: by characters {byCharacters * 1e9 / records.Count:F0} ns a record, in UTF-8 {byBytes * 1e9 / records.Count:F0} ns a record: {byBytes / byCharacters:F3} of it");

        double Time(System.Buffers.ArrayBufferWriter<byte>? utf8)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < records.Count; i++)
            {
                characters.ResetWrittenCount();
                bytes.ResetWrittenCount();
                transformer.TransformInto(records[i], output, plans[i], characters, utf8);
            }

            return Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        // Each field of the first record alone, again and again: what one field's transform costs.
        foreach (var field in records[0])
        {
            FieldInput[] single = [field];
            const int Calls = 200_000;
            for (int round = 0; round < 2; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < Calls; i++)
                {
                    transformer.TransformInto(single, output);
                }

                if (round == 1)
                {
                    Console.WriteLine($"  {field.Name,-12} {Stopwatch.GetElapsedTime(start).TotalSeconds * 1e9 / Calls,8:F0} ns {(double)(GC.GetAllocatedBytesForCurrentThread() - before) / Calls,6:F0} B  {field.Findings.Length} finding(s)");
                }
            }
        }

        return 0;
    }

    // Scans the first records of the file as an export's worker does: each field with its name's hint.
    private static List<FieldInput[]> Load(string path, int wanted, Scanner scanner)
    {
        var collector = new Collector(scanner);
        var reader = new JsonLinesReader();
        using var session = JsonLinesReader.NewSession(collector);
        long number = 1;
        foreach (string line in File.ReadLines(path))
        {
            if (collector.Records.Count >= wanted)
            {
                break;
            }

            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(line);
            reader.HandleLine(session, bytes, number++);
        }

        return collector.Records;
    }

    private sealed class Collector(Scanner scanner) : IRecordVisitor
    {
        private readonly List<FieldInput> _fields = [];
        private readonly List<Finding> _findings = [];
        private readonly Dictionary<string, IdentifierType?> _hints = [];

        public List<FieldInput[]> Records { get; } = [];

        public void BeginRecord(long position) => _fields.Clear();

        public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            string key = System.Text.Encoding.UTF8.GetString(name);
            if (!_hints.TryGetValue(key, out var hint))
            {
                _hints[key] = hint = FieldClassifier.Classify(key);
            }

            _findings.Clear();
            scanner.Scan(value, new ScanContext(ReferenceDate, hint), _findings);
            _fields.Add(new FieldInput(key, value.ToArray(), _findings.ToArray()));
        }

        public void EndRecord() => Records.Add([.. _fields]);

        public void Skip(long position, string field, string reason)
        {
        }
    }
}
