using System.Reflection;
using Outbound.Gateway;
using Spectre.Console;

namespace Outbound.Cli.Demo;

/// <summary>The demo's directory: keys (kept across runs), and the data, store and released records (made afresh each run).</summary>
internal sealed class DemoLayout
{
    private DemoLayout(string root)
    {
        Root = root;
        Keys = Path.Combine(root, "keys");
        SubjectKey = Path.Combine(Keys, "subject.key");
        QuarantineKey = Path.Combine(Keys, "quarantine.key");
        AuditKey = Path.Combine(Keys, "audit-signing.pem");
        AuditHead = AuditKey + ".head";
        Data = Path.Combine(root, "fleet-trips.jsonl");
        Declaration = Path.Combine(root, "declaration.yaml");
        Policy = Path.Combine(root, "policy.yaml");
        Released = Path.Combine(root, "released");
        StorePath = Path.Combine(root, "outbound.db");
    }

    public string Root { get; }

    public string Keys { get; }

    public string SubjectKey { get; }

    public string QuarantineKey { get; }

    public string AuditKey { get; }

    public string AuditHead { get; }

    public string Data { get; }

    public string Declaration { get; }

    public string Policy { get; }

    public string Released { get; }

    public string StorePath { get; }

    public string Store => "sqlite:" + StorePath;

    /// <summary>Makes the directory: keys created when missing (and said so), everything else written afresh.</summary>
    public static DemoLayout Prepare(string directory, IAnsiConsole console)
    {
        var layout = new DemoLayout(Path.GetFullPath(directory));
        Directory.CreateDirectory(layout.Root);
        if (!Directory.Exists(layout.Keys))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(layout.Keys);
            }
            else
            {
                Directory.CreateDirectory(layout.Keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var created = new List<string>();
        if (!File.Exists(layout.SubjectKey))
        {
            KeyMaterial.Create(layout.SubjectKey);
            created.Add("subject.key (subject keys, tokens, FPE)");
        }

        if (!File.Exists(layout.QuarantineKey))
        {
            KeyMaterial.Create(layout.QuarantineKey);
            created.Add("quarantine.key (seals retained records)");
        }

        if (!File.Exists(layout.AuditKey))
        {
            using var signer = AuditSigner.Create();
            KeyMaterial.WriteOwnerOnly(layout.AuditKey, signer.ExportPrivateKeyPem() + "\n");
            created.Add("audit-signing.pem (signs audit checkpoints)");
        }

        console.MarkupLine(Markup.Escape(created.Count > 0
            ? $"Created demo keys in {layout.Keys}, readable by you only: {string.Join("; ", created)}. They stay in China with the data; a real deployment keeps them in its own key store."
            : $"Using the demo keys already in {layout.Keys}."));

        foreach (string stale in new[] { layout.StorePath, layout.StorePath + "-wal", layout.StorePath + "-shm", layout.AuditHead, layout.Data })
        {
            File.Delete(stale);
        }

        if (Directory.Exists(layout.Released))
        {
            Directory.Delete(layout.Released, recursive: true);
        }

        WriteResource("Outbound.Cli.Demo.declaration.yaml", layout.Declaration);
        WriteResource("Outbound.Cli.Demo.policy.yaml", layout.Policy);
        return layout;
    }

    private static void WriteResource(string name, string path)
    {
        using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the build.");
        using var file = File.Create(path);
        resource.CopyTo(file);
    }
}
