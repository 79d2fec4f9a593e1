using System.Security.Cryptography;
using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Formats;
using Outbound.Formats.Records;
using Outbound.Gateway;
using Outbound.Law;
using Outbound.Storage;

namespace Outbound.Cli;

/// <summary>What an export (or a release from quarantine) needs before the first record moves: all checked up front.</summary>
internal sealed class ExportSetup
{
    public required Declaration Declaration { get; init; }

    public required Transfer Transfer { get; init; }

    public required string DeclarationDigest { get; init; }

    public required Policy Policy { get; init; }

    public required string PolicyDigest { get; init; }

    public required SubjectKeyer Keyer { get; init; }

    public required RecordTransformer Transformer { get; init; }

    public required QuarantineSealer Sealer { get; init; }

    public required IGatewayStore Store { get; init; }

    public Action<AuditCheckpoint>? WriteHead { get; init; }

    /// <summary>Builds the pipeline of a run through the gate with this setup.</summary>
    public ExportPipeline Pipeline(GatewaySettings settings, ExportRunKey runKey, TimeProvider time, int parallelism) => new(new ExportOptions
    {
        Declaration = Declaration,
        Transfer = Transfer,
        Assessor = new Assessor(WorkingDayCalendar.Default),
        Scanner = RecognizerSets.Create(namesAndAddresses: true),
        Keyer = Keyer,
        Transformer = Transformer,
        Policy = Policy,
        Sealer = Sealer,
        Store = Store,
        Sink = new PartFileSink(settings.To ?? Path.GetTempPath()),
        RunKey = runKey,
        Clock = time,
        Actor = settings.Actor ?? Environment.UserName,
        DryRun = settings.DryRun,
        Parallelism = parallelism,
        CheckpointWritten = WriteHead,
    });

    /// <summary>Returns the key of a run of <paramref name="inputDigest"/> through this setup's transfer.</summary>
    public ExportRunKey RunKey(string inputDigest, string? destination) =>
        new(inputDigest, Transfer.Id, Declaration.Handler.Name, destination is null ? "" : Path.GetFullPath(destination), PolicyDigest, DeclarationDigest);

    /// <summary>Reads and checks the declaration, policy and keys, then opens the store.</summary>
    /// <exception cref="ExportSetupException">Something is missing or wrong; the message says what and where.</exception>
    public static ExportSetup Prepare(GatewaySettings settings, TimeProvider time) =>
        Prepare(settings.SetupPaths, time);

    /// <summary>Reads and checks the declaration, policy and keys, then opens the store.</summary>
    /// <exception cref="ExportSetupException">Something is missing or wrong; the message says what and where.</exception>
    public static ExportSetup Prepare(Paths paths, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var (declaration, declarationDigest) = ReadDeclaration(paths.Declaration);
        var transfer = PickTransfer(declaration, paths.Declaration, paths.Transfer);
        var (policy, policyDigest) = ReadPolicy(paths.Policy);

        var (secret, secretError) = KeyMaterial.Read(paths.KeyFile, Messages.SubjectKeyVariable, Messages.SubjectKeyName);
        if (secret is null)
        {
            throw new ExportSetupException(secretError!);
        }

        var (quarantineKey, quarantineError) = KeyMaterial.Read(paths.QuarantineKeyFile, Messages.QuarantineKeyVariable, Messages.QuarantineKeyName, exactBytes: 32);
        if (quarantineKey is null)
        {
            throw new ExportSetupException(quarantineError!);
        }

        RecordTransformer transformer;
        try
        {
            transformer = new RecordTransformer(policy, new DeidentificationKeys(KeyMaterial.Derive(secret, "outbound token v1"), KeyMaterial.Derive(secret, "outbound fpe v1")));
        }
        catch (ArgumentException e)
        {
            throw new ExportSetupException($"{paths.Policy}: {e.Message}");
        }

        if (!AuditKeySource.TryResolve(paths.AuditKey, null, paths.AuditHead, Environment.GetEnvironmentVariable, out var audit, out string? auditError))
        {
            throw new ExportSetupException(auditError);
        }

        if (audit.Signer is null)
        {
            throw new ExportSetupException(Messages.ExportNeedsAuditKey);
        }

        var store = GatewayStores.Open(StoreLocation.Parse(paths.Store), new GatewayStoreOptions { Signer = audit.Signer, Clock = time });
        return new ExportSetup
        {
            Declaration = declaration,
            Transfer = transfer,
            DeclarationDigest = declarationDigest,
            Policy = policy,
            PolicyDigest = policyDigest,
            Keyer = new SubjectKeyer(secret),
            Transformer = transformer,
            Sealer = new QuarantineSealer(quarantineKey),
            Store = store,
            WriteHead = checkpoint => audit.WriteHead(checkpoint),
        };
    }

    /// <summary>Reads a declaration file and its digest.</summary>
    /// <exception cref="ExportSetupException">The file has errors; each is named with its line and column.</exception>
    public static (Declaration Declaration, string Digest) ReadDeclaration(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var read = DeclarationReader.Read(System.Text.Encoding.UTF8.GetString(bytes), path);
        if (read.Declaration is null)
        {
            throw new ExportSetupException(string.Join(Environment.NewLine, read.Errors.Select(e => e.ToString())));
        }

        return (read.Declaration, GatewayDigest.Sha256Hex(bytes));
    }

    private static Transfer PickTransfer(Declaration declaration, string path, string? id)
    {
        if (declaration.Transfers.IsEmpty)
        {
            throw new ExportSetupException(Messages.DeclarationWithoutTransfers(path));
        }

        var ids = declaration.Transfers.Select(t => t.Id);
        if (id is null)
        {
            return declaration.Transfers.Length == 1 ? declaration.Transfers[0] : throw new ExportSetupException(Messages.TransferNeeded(path, ids));
        }

        return declaration.Transfers.FirstOrDefault(t => t.Id == id) ?? throw new ExportSetupException(Messages.TransferMissing(path, id, ids));
    }

    private static (Policy Policy, string Digest) ReadPolicy(string path)
    {
        var read = PolicyReader.ReadFile(path);
        if (read.Policy is null)
        {
            throw new ExportSetupException(string.Join(Environment.NewLine, read.Errors.Select(e => e.ToString())));
        }

        return (read.Policy, read.Digest);
    }

    /// <summary>Where the pieces of an export's setup come from.</summary>
    internal sealed record Paths(string Declaration, string Policy, string? Transfer, string Store, string? KeyFile, string? QuarantineKeyFile, string? AuditKey, string? AuditHead);
}
