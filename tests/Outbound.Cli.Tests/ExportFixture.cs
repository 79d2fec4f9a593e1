using Outbound.Cli.Demo;
using Outbound.Gateway;

namespace Outbound.Cli.Tests;

/// <summary>A folder with what an export needs: the demo's declaration and policy, owner-only keys, a fleet dataset, a store.</summary>
internal sealed class ExportFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public ExportFixture(int records = 300, int drivers = 40, int seed = 7)
    {
        Data = Path.Combine(Root, "trips.jsonl");
        using (var file = File.Create(Data))
        {
            Lines = DemoFleet.Write(file, records, seed, drivers);
        }

        Declaration = Path.Combine(Repository.Root, "samples", "demo", "fleet-declaration.yaml");
        Policy = Path.Combine(Repository.Root, "samples", "demo", "fleet-policy.yaml");
        SubjectKey = Path.Combine(Root, "subject.key");
        QuarantineKey = Path.Combine(Root, "quarantine.key");
        AuditKey = Path.Combine(Root, "audit.pem");
        KeyMaterial.Create(SubjectKey);
        KeyMaterial.Create(QuarantineKey);
        using var signer = AuditSigner.Create();
        KeyMaterial.WriteOwnerOnly(AuditKey, signer.ExportPrivateKeyPem());
        Released = Path.Combine(Root, "released");
        StorePath = Path.Combine(Root, "outbound.db");
    }

    public string Root => _folder.Path;

    public string Data { get; }

    public int Lines { get; }

    public string Declaration { get; }

    public string Policy { get; }

    public string SubjectKey { get; }

    public string QuarantineKey { get; }

    public string AuditKey { get; }

    public string AuditHead => AuditKey + ".head";

    public string Released { get; }

    public string StorePath { get; }

    public string Store => "sqlite:" + StorePath;

    /// <summary>The arguments of an export of <paramref name="input"/> (default: the fleet dataset) with this fixture's files and keys.</summary>
    public string[] ExportArgs(string? input = null, params string[] more) =>
    [
        "export", input ?? Data,
        "--declaration", Declaration, "--policy", Policy, "--to", Released, "--store", Store,
        "--key-file", SubjectKey, "--quarantine-key-file", QuarantineKey, "--audit-key", AuditKey,
        .. more,
    ];

    public void Dispose() => _folder.Dispose();
}

/// <summary>Finds files of the repository from the tests.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
