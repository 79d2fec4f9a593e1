using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Gateway;

/// <summary>Per-record work: detect, key the subject, transform.</summary>
public sealed partial class ExportPipeline
{
    /// <summary>Examines the records; the buffers the workers wrote released forms in are added to <paramref name="lines"/>.</summary>
    private List<ExaminedRecord> Examine(IReadOnlyList<SourceRecord> records, DateOnly today, List<ArrayBufferWriter<byte>> lines)
    {
        var examined = new ExaminedRecord[records.Count];
        if (_options.Parallelism <= 1 || records.Count < 256)
        {
            var worker = TakeWorker(today);
            for (int i = 0; i < records.Count; i++)
            {
                examined[i] = worker.Examine(records[i]);
            }

            ReturnWorker(worker, lines);
        }
        else
        {
            Parallel.For(
                0,
                records.Count,
                new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism },
                () => TakeWorker(today),
                (i, _, worker) =>
                {
                    examined[i] = worker.Examine(records[i]);
                    return worker;
                },
                worker => ReturnWorker(worker, lines));
        }

        return [.. examined];
    }

    // Workers outlive their batch, so what they learnt (field hints, the keys of persons met) serves the next one.
    private Worker TakeWorker(DateOnly today)
    {
        var worker = _workers.TryTake(out var idle) ? idle : new Worker(this);
        worker.Today = today;
        worker.Start();
        return worker;
    }

    private void ReturnWorker(Worker worker, List<ArrayBufferWriter<byte>> lines)
    {
        worker.Flush();
        worker.Report();

        // The buffer goes with the batch, which hands it back once committed: the worker starts another for the next.
        if (worker.TakeLines() is { } written)
        {
            lock (lines)
            {
                lines.Add(written);
            }
        }

        _workers.Add(worker);
    }

    /// <summary>One thread's scratch state.</summary>
    private sealed class Worker(ExportPipeline pipeline) : IDisposable
    {
        // Without k-anonymity a record's released form is written as soon as it is transformed: its rewritten values
        // are read once, from a buffer used again for the next record, and never become strings. Not for a dry run.
        private readonly IReleaseWriter? _writer = pipeline._kAnonymity is null && !pipeline._options.DryRun ? pipeline._options.Sink.NewWriter() : null;
        private readonly ArrayBufferWriter<char> _values = new(256);
        private readonly ArrayBufferWriter<byte> _utf8Values = new(256);
        private ArrayBufferWriter<byte>? _lines;

        private readonly ExportOptions _options = pipeline._options;
        private readonly List<Finding> _findings = [];
        private readonly List<FieldInput> _inputs = [];
        private readonly SubjectKeyCache _keys = new(pipeline._options.Keyer);
        private readonly byte[] _best = new byte[CanonicalForm.MaxLength];

        // Each name's hint and plan by the name's string, for a record whose layout differs from the last one's (an
        // absent field shifts every one after it). The readers keep one string per name, so the string itself is the
        // key. A fixed table: names met once it is full are looked up each time.
        private readonly NameEntry[] _byName = new NameEntry[1024];

        // The last record's field names by index, with each name's hint and plan: records of one source repeat their
        // layout, with the same name strings, so a name is looked up once.
        private string?[] _layout = new string?[32];
        // Each field's scan context (its name's hint and today's date): kept, so that a value's scan is passed a reference to
        // it rather than a context made anew for every value.
        private ScanContext[] _layoutContexts = new ScanContext[32];
        private RecordTransformer.FieldPlan[] _layoutPlans = new RecordTransformer.FieldPlan[32];

        // The categories left by a set of remaining types (and whether a minor makes them all sensitive), shared by the records that leave them.
        private readonly Dictionary<ulong, (string[] NonSensitive, string[] Sensitive)> _categories = [];
        private readonly TimeProvider _clock = pipeline._options.Clock;
        private Finding[] _found = new Finding[64];
        private OutputField[] _outputs = new OutputField[32];
        private int[] _fieldFindings = new int[32];
        private long _started;

        // The transform is timed for one record in TransformSample and the sum scaled by the records examined: two clock
        // readings for every record cost about 1% of an export on one core.
        private const int TransformSample = 8;
        private long _transformTicks;
        private int _examined;
        private int _timed;

        /// <summary>Gets or sets the date the records are examined on (for ages), set for each batch.</summary>
        public DateOnly Today { get; set; }

        /// <summary>Starts timing the worker's share of a batch.</summary>
        public void Start() => (_started, _transformTicks, _examined, _timed) = (_clock.GetTimestamp(), 0, 0, 0);

        /// <summary>Adds the time spent since <see cref="Start"/> to the pipeline's timings: transforming, and the rest as detecting.</summary>
        /// <remarks>The transform's share is estimated from the records it was timed for (the first, then one in <see cref="TransformSample"/>).</remarks>
        public void Report()
        {
            long spent = _clock.GetTimestamp() - _started;
            long transform = _timed == 0 ? 0 : Math.Min(spent, _transformTicks * _examined / _timed);
            pipeline.Timings.AddDetect(spent - transform, transform);
        }

        /// <summary>Returns the buffer this worker wrote released forms in since the last call, if any, and lets go of it.</summary>
        public ArrayBufferWriter<byte>? TakeLines()
        {
            var lines = _lines;
            _lines = null;
            return lines;
        }

        public void Dispose() => _writer?.Dispose();

        public ExaminedRecord Examine(SourceRecord record)
        {
            ReadOnlySpan<SourceField> fields = record.FieldSpan;
            int fieldCount = fields.Length;
            if (_fieldFindings.Length <= fieldCount)
            {
                _fieldFindings = new int[Math.Max(fieldCount + 1, _fieldFindings.Length * 2)];
            }

            if (_layout.Length < fieldCount)
            {
                int size = Math.Max(fieldCount, _layout.Length * 2);
                (_layout, _layoutContexts, _layoutPlans) = (new string?[size], new ScanContext[size], new RecordTransformer.FieldPlan[size]);
            }

            for (int f = 0; f < fieldCount; f++)
            {
                string name = fields[f].Name;
                if (!ReferenceEquals(_layout[f], name))
                {
                    var entry = Learn(name);
                    (_layout[f], _layoutContexts[f], _layoutPlans[f]) = (name, new ScanContext(Today, entry.Hint), entry.Plan);
                }
                else if (_layoutContexts[f].ReferenceDate != Today)
                {
                    // A batch examined on a later day (an export across midnight).
                    _layoutContexts[f] = _layoutContexts[f] with { ReferenceDate = Today };
                }
            }

            int bestRank = int.MaxValue;
            int bestLength = 0;
            bool personal = false;
            bool minor = false;
            _findings.Clear();
            for (int f = 0; f < fieldCount; f++)
            {
                ref readonly var field = ref fields[f];
                int first = _findings.Count;
                _fieldFindings[f] = first;
                if (field.IntegerDigits > 0)
                {
                    _options.Scanner.ScanPlainNumber(field.Value.Span, field.IntegerDigits, _layoutContexts[f], _findings);
                }
                else if (!field.Value.IsEmpty)
                {
                    _options.Scanner.Scan(field.Value.Span, _layoutContexts[f], _findings);
                }

                var facts = IdentifierCatalog.Facts;
                foreach (var finding in CollectionsMarshal.AsSpan(_findings)[first..])
                {
                    var info = facts[(int)finding.Type];
                    minor |= (finding.Traits & FindingTraits.MinorUnder14) != 0;
                    personal |= info.IsPersonalInformation;
                    if (info.IsPersonalInformation && info.KeyRank > 0 && info.KeyRank < bestRank)
                    {
                        int length = CanonicalForm.Write(finding.Type, field.Value.Span.Slice(finding.Start, finding.Length), _best);
                        if (length > 0)
                        {
                            (bestRank, bestLength) = (info.KeyRank, length);
                        }
                    }
                }
            }

            // The record's findings in one array, each field's a slice of it; the transformer keeps none of them.
            _fieldFindings[fieldCount] = _findings.Count;
            if (_found.Length < _findings.Count)
            {
                _found = new Finding[Math.Max(_findings.Count, _found.Length * 2)];
            }

            _findings.CopyTo(_found);
            _inputs.Clear();
            for (int f = 0; f < fieldCount; f++)
            {
                ref readonly var field = ref fields[f];
                int count = _fieldFindings[f + 1] - _fieldFindings[f];
                _inputs.Add(new FieldInput(field.Name, field.Value, count == 0 ? ReadOnlyMemory<Finding>.Empty : _found.AsMemory(_fieldFindings[f], count)));
            }

            bool timing = _examined++ % TransformSample == 0;
            long transforming = timing ? _clock.GetTimestamp() : 0;
            ExaminedRecord examined;
            TransformSummary summary;
            if (pipeline._kAnonymity is null)
            {
                // Without k-anonymity nothing reads the transformed record again: its values go straight into the released form.
                if (_outputs.Length < fieldCount)
                {
                    _outputs = new OutputField[Math.Max(fieldCount, _outputs.Length * 2)];
                }

                _values.ResetWrittenCount();
                _utf8Values.ResetWrittenCount();
                summary = _options.Transformer.TransformInto(_inputs, _outputs, _layoutPlans.AsSpan(0, fieldCount), _values, _utf8Values);
                examined = new ExaminedRecord(record, null);
                if (_writer is not null)
                {
                    _lines ??= pipeline.TakeLineBuffer();
                    int start = _lines.WrittenCount;
                    _writer.Write(record, _outputs.AsSpan(0, fieldCount), _lines);
                    (examined.Lines, examined.LineStart, examined.LineLength) = (_lines, start, _lines.WrittenCount - start);
                }
            }
            else
            {
                var transformed = _options.Transformer.Transform(_inputs);
                summary = new TransformSummary(transformed.RemainingPersonalInformation, transformed.RemainingIsSensitive, transformed.FullyAnonymised, transformed.Fallbacks);
                examined = new ExaminedRecord(record, transformed) { Values = OutputValues(record, transformed) };
            }

            if (timing)
            {
                _transformTicks += _clock.GetTimestamp() - transforming;
                _timed++;
            }

            if (!summary.RemainingPersonalInformation.IsEmpty)
            {
                (examined.NonSensitiveCategories, examined.SensitiveCategories) = Categories(summary.RemainingPersonalInformation, minor && summary.RemainingIsSensitive);
            }

            if (personal)
            {
                _keys.KeyInto(examined, bestLength > 0
                    ? _best.AsSpan(0, bestLength)
                    : Encoding.UTF8.GetBytes($"unkeyed\n{pipeline.Run.Key.RunId}\n{record.Position}"));
            }

            return examined;
        }

        /// <summary>Keys the subjects of the records examined since the last flush; until then, new persons' records have none.</summary>
        public void Flush() => _keys.Flush();

        // The categories of the remaining types, non-sensitive and sensitive, each in the order the types first give them.
        private (string[] NonSensitive, string[] Sensitive) Categories(ImmutableArray<IdentifierType> remaining, bool minorSensitive)
        {
            ulong key = minorSensitive ? 1UL << 63 : 0;
            foreach (var type in remaining)
            {
                key |= 1UL << (int)type;
            }

            if (_categories.TryGetValue(key, out var known))
            {
                return known;
            }

            var nonSensitive = new List<string>();
            var sensitive = new List<string>();
            foreach (var type in remaining)
            {
                var info = IdentifierCatalog.Get(type);
                if (!info.IsPersonalInformation)
                {
                    continue;
                }

                var list = info.IsSensitive || minorSensitive ? sensitive : nonSensitive;
                if (!list.Contains(info.Category.Code))
                {
                    list.Add(info.Category.Code);
                }
            }

            var result = (nonSensitive.ToArray(), sensitive.ToArray());
            _categories[key] = result;
            return result;
        }

        // Asked only when a record's layout differs from the last one's at this field.
        private NameEntry Learn(string name)
        {
            const int Probes = 16;
            int mask = _byName.Length - 1;
            int at = RuntimeHelpers.GetHashCode(name) & mask;
            for (int probe = 0; probe < Probes; probe++, at = (at + 1) & mask)
            {
                ref var entry = ref _byName[at];
                if (ReferenceEquals(entry.Name, name))
                {
                    return entry;
                }

                if (entry.Name is null)
                {
                    return entry = new NameEntry(name, FieldClassifier.Classify(name), _options.Transformer.PlanOf(name));
                }
            }

            return new NameEntry(name, FieldClassifier.Classify(name), _options.Transformer.PlanOf(name));
        }

        private readonly record struct NameEntry(string? Name, IdentifierType? Hint, RecordTransformer.FieldPlan Plan);
    }
}
