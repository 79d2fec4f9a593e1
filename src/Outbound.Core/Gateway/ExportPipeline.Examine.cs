using System.Security.Cryptography;
using System.Text;
using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Gateway;

/// <summary>Per-record work: detect, key the subject, transform.</summary>
public sealed partial class ExportPipeline
{
    private List<ExaminedRecord> Examine(IReadOnlyList<SourceRecord> records, DateOnly today)
    {
        var examined = new ExaminedRecord[records.Count];
        if (_options.Parallelism <= 1 || records.Count < 256)
        {
            using var worker = new Worker(this, today);
            for (int i = 0; i < records.Count; i++)
            {
                examined[i] = worker.Examine(records[i]);
            }

            worker.Report();
        }
        else
        {
            Parallel.For(
                0,
                records.Count,
                new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism },
                () => new Worker(this, today),
                (i, _, worker) =>
                {
                    examined[i] = worker.Examine(records[i]);
                    return worker;
                },
                worker =>
                {
                    worker.Report();
                    worker.Dispose();
                });
        }

        return [.. examined];
    }

    /// <summary>One thread's scratch state.</summary>
    private sealed class Worker(ExportPipeline pipeline, DateOnly today) : IDisposable
    {
        private readonly ExportOptions _options = pipeline._options;
        private readonly List<Finding> _findings = [];
        private readonly IncrementalHash _hmac = pipeline._options.Keyer.CreateHmac();
        private readonly byte[] _best = new byte[CanonicalForm.MaxLength];
        private readonly Dictionary<string, IdentifierType?> _hints = new(StringComparer.Ordinal);
        private readonly TimeProvider _clock = pipeline._options.Clock;
        private long _detectTicks;
        private long _transformTicks;

        public void Report() => pipeline.Timings.AddDetect(_detectTicks, _transformTicks);

        public ExaminedRecord Examine(SourceRecord record)
        {
            long started = _clock.GetTimestamp();
            var inputs = new FieldInput[record.Fields.Count];
            int bestRank = int.MaxValue;
            int bestLength = 0;
            bool personal = false;
            bool minor = false;
            for (int f = 0; f < inputs.Length; f++)
            {
                var field = record.Fields[f];
                _findings.Clear();
                if (!field.Value.IsEmpty)
                {
                    _options.Scanner.Scan(field.Value.Span, new ScanContext(today, Hint(field.Name)), _findings);
                }

                foreach (var finding in _findings)
                {
                    var info = IdentifierCatalog.Get(finding.Type);
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

                inputs[f] = new FieldInput(field.Name, field.Value, _findings.Count == 0 ? ReadOnlyMemory<Finding>.Empty : _findings.ToArray());
            }

            long transforming = _clock.GetTimestamp();
            var transformed = _options.Transformer.Transform(inputs);
            long transformedAt = _clock.GetTimestamp();
            _transformTicks += transformedAt - transforming;
            var examined = new ExaminedRecord(record, transformed, OutputValues(record, transformed));
            foreach (var type in transformed.RemainingPersonalInformation)
            {
                var info = IdentifierCatalog.Get(type);
                if (!info.IsPersonalInformation)
                {
                    continue;
                }

                var list = info.IsSensitive || (minor && transformed.RemainingIsSensitive) ? examined.SensitiveCategories : examined.NonSensitiveCategories;
                if (!list.Contains(info.Category.Code))
                {
                    list.Add(info.Category.Code);
                }
            }

            if (personal)
            {
                examined.Subject = bestLength > 0
                    ? _options.Keyer.KeyOfCanonical(_best.AsSpan(0, bestLength), _hmac)
                    : _options.Keyer.KeyOfCanonical(Encoding.UTF8.GetBytes($"unkeyed\n{pipeline.Run.Key.RunId}\n{record.Position}"), _hmac);
            }

            long ended = _clock.GetTimestamp();
            _detectTicks += (transforming - started) + (ended - transformedAt);

            return examined;
        }

        public void Dispose() => _hmac.Dispose();

        private IdentifierType? Hint(string name)
        {
            if (!_hints.TryGetValue(name, out var hint))
            {
                hint = FieldClassifier.Classify(name);
                _hints[name] = hint;
            }

            return hint;
        }
    }
}
