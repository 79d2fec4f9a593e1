using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Outbound.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary><c>outbound audit verify</c>: checks the audit log in the store, or an exported bundle.</summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The store's clock.</param>
internal sealed class AuditVerifyCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time) : Command<AuditVerifyCommand.Settings>
{
    /// <summary>Exit code when the log is intact.</summary>
    public const int Intact = 0;

    /// <summary>Exit code when the log was tampered with.</summary>
    public const int Tampered = 1;

    /// <summary>The options of <c>outbound audit verify</c>.</summary>
    internal sealed class Settings : StoreSettings
    {
        [CommandOption("--audit-key <FILE>")]
        [Description(Messages.AuditKeyOption)]
        public string? AuditKey { get; init; }

        [CommandOption("--public-key <FILE>")]
        [Description(Messages.PublicKeyOption)]
        public string? PublicKey { get; init; }

        [CommandOption("--audit-head <FILE>")]
        [Description(Messages.AuditHeadOption)]
        public string? AuditHead { get; init; }

        [CommandOption("--bundle <DIR>")]
        [Description(Messages.BundleOption)]
        public string? Bundle { get; init; }

        protected override List<string> Problems()
        {
            var problems = base.Problems();
            if (Bundle is not null && !Directory.Exists(Bundle))
            {
                problems.Add(Messages.BundleFolderMissing(Bundle));
            }

            return problems;
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!AuditKeySource.TryResolve(settings.AuditKey, settings.PublicKey, settings.AuditHead, Environment.GetEnvironmentVariable, out var keys, out string? keyError))
        {
            errors.WriteError(keyError);
            return OutboundApp.UsageError;
        }

        using (keys)
        {
            try
            {
                return settings.Bundle is { } bundle ? VerifyBundle(bundle, keys, settings) : VerifyStore(keys, settings);
            }
            catch (FormatException e)
            {
                errors.WriteError(e.Message);
                return OutboundApp.UsageError;
            }
        }
    }

    private int VerifyStore(AuditKeys keys, Settings settings)
    {
        using var store = CommandStore.Open(settings.Location, signer: null, time, errors, mustExist: true);
        if (store is null)
        {
            return OutboundApp.UsageError;
        }

        var anchor = keys.ReadHead();
        var notices = new List<string>();
        if (keys.Key is null)
        {
            notices.Add(Messages.SignaturesNotChecked);
        }

        if (keys.HeadPath is null)
        {
            notices.Add(Messages.NoHeadAnchor);
        }
        else if (anchor is null)
        {
            notices.Add(Messages.AnchorAbsent(keys.HeadPath));
        }

        var result = AuditVerifier.Verify(store.AuditEntries(), store.AuditCheckpoints(), keys.Key, anchor);
        return Report(store.Description, result, keys.Key?.KeyId, keys.HeadPath, [], notices, settings.Format);
    }

    private int VerifyBundle(string bundle, AuditKeys keys, Settings settings)
    {
        var manifestProblems = AuditBundle.CheckManifest(bundle);
        AuditBundle.Contents contents;
        try
        {
            contents = AuditBundle.Read(bundle, manifestProblems);
        }
        catch (FormatException) when (manifestProblems.Count > 0)
        {
            // A file that no longer reads was changed after the export; the manifest says which.
            var unreadable = new AuditVerification { Entries = 0, LastSequence = 0, Checkpoints = 0, CheckpointedThrough = 0, SignaturesChecked = false };
            return Report(bundle, unreadable, null, null, manifestProblems, [], settings.Format);
        }

        var notices = new List<string>();
        AuditSigner? bundleKey = null;
        try
        {
            var key = keys.Key;
            if (key is null && contents.PublicKeyPem is { } pem)
            {
                bundleKey = AuditSigner.FromPem(pem);
                key = bundleKey;
                notices.Add(Messages.KeyFromBundle(key.KeyId));
            }
            else if (key is null)
            {
                notices.Add(Messages.SignaturesNotChecked);
            }

            var anchor = keys.HeadPath is not null && settings.AuditHead is not null ? keys.ReadHead() : contents.Head;
            string? anchorSource = settings.AuditHead is not null ? keys.HeadPath : null;
            if (anchor is null)
            {
                notices.Add(Messages.NoHeadAnchor);
            }

            var result = AuditVerifier.Verify(contents.Entries, contents.Checkpoints, key, anchor);
            return Report(bundle, result, key?.KeyId, anchorSource, manifestProblems, notices, settings.Format);
        }
        catch (ArgumentException e)
        {
            errors.WriteError(Messages.AuditKeyUnreadable(AuditBundle.PublicKeyFile, e.Message));
            return OutboundApp.UsageError;
        }
        finally
        {
            bundleKey?.Dispose();
        }
    }

    private int Report(string what, AuditVerification result, string? keyId, string? anchorPath, List<string> manifestProblems, List<string> notices, string format)
    {
        bool intact = result.Intact && manifestProblems.Count == 0;
        if (format == "json")
        {
            CommandStore.WriteRaw(console, Json(what, result, keyId, manifestProblems, notices, intact));
        }
        else
        {
            if (intact)
            {
                CommandStore.WriteRaw(console, Messages.VerifiedIntact(what, result.Entries));
                if (result.Checkpoints > 0)
                {
                    CommandStore.WriteRaw(console, Messages.CheckpointsCovered(result.CheckpointedThrough, result.Checkpoints, result.SignaturesChecked ? keyId : null));
                }

                if (result.NotYetCheckpointed > 0)
                {
                    CommandStore.WriteRaw(console, Messages.NotYetCheckpointed(result.CheckpointedThrough + 1, result.LastSequence));
                }

                if (result.Anchor is { } anchor)
                {
                    CommandStore.WriteRaw(console, Messages.AnchorMatched(anchor.Sequence, anchorPath));
                }
            }
            else
            {
                CommandStore.WriteRaw(console, Messages.VerifiedTampered(what));
                foreach (string problem in manifestProblems)
                {
                    CommandStore.WriteRaw(console, problem);
                }

                if (result.Problem is { } found)
                {
                    CommandStore.WriteRaw(console, found.Message);
                }
            }

            foreach (string notice in notices)
            {
                errors.WriteLine(notice);
            }
        }

        return intact ? Intact : Tampered;
    }

    private static string Json(string what, AuditVerification result, string? keyId, List<string> manifestProblems, List<string> notices, bool intact)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ApprovalsImportCommand.JsonOptions.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("log", what);
            writer.WriteBoolean("intact", intact);
            writer.WriteNumber("entries", result.Entries);
            writer.WriteNumber("last_sequence", result.LastSequence);
            writer.WriteNumber("checkpoints", result.Checkpoints);
            writer.WriteNumber("checkpointed_through", result.CheckpointedThrough);
            writer.WriteNumber("not_yet_checkpointed", result.Intact ? result.NotYetCheckpointed : 0);
            writer.WriteBoolean("signatures_checked", result.SignaturesChecked);
            writer.WriteString("key_id", result.SignaturesChecked ? keyId : null);
            if (result.Anchor is { } anchor)
            {
                writer.WriteNumber("anchor_sequence", anchor.Sequence);
            }
            else
            {
                writer.WriteNull("anchor_sequence");
            }

            if (result.Problem is { } problem)
            {
                writer.WriteStartObject("problem");
                writer.WriteNumber("sequence", problem.Sequence);
                writer.WriteString("kind", WireName(problem.Problem));
                writer.WriteString("message", problem.Message);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("problem");
            }

            writer.WriteStartArray("manifest_problems");
            foreach (string line in manifestProblems)
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("notices");
            foreach (string notice in notices)
            {
                writer.WriteStringValue(notice);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Returns the wire name of a problem, e.g. <c>HASH_MISMATCH</c>.</summary>
    internal static string WireName(AuditProblem problem)
    {
        string name = problem.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }
}
