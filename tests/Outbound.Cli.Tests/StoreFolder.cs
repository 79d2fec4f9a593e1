using System.Runtime.CompilerServices;
using Outbound.Gateway;
using Outbound.Storage;

namespace Outbound.Cli.Tests;

/// <summary>A temp folder with a SQLite store and an audit key file (mode 600) for the store commands.</summary>
internal sealed class StoreFolder : IDisposable
{
    private readonly TempFolder _folder = new();

    public StoreFolder()
    {
        KeyFile = _folder.Write("audit-key.pem", Signer.ExportPrivateKeyPem());
        SetMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        PublicKeyFile = _folder.Write("audit-public-key.pem", Signer.ExportPublicKeyPem());
    }

    public string Path => _folder.Path;

    public AuditSigner Signer { get; } = AuditSigner.Create();

    public string KeyFile { get; }

    public string PublicKeyFile { get; }

    public string HeadFile => KeyFile + ".head";

    public string DatabaseFile => System.IO.Path.Combine(Path, "outbound.db");

    public string Store => $"sqlite:{DatabaseFile}";

    public string Write(string name, string text) => _folder.Write(name, text);

    /// <summary>Opens the store as the gateway would, to put things in it or tamper with it.</summary>
    public IGatewayStore Open() => GatewayStores.Open(StoreLocation.Parse(Store), new GatewayStoreOptions { Signer = Signer, Clock = new FixedTimeProvider(CliRunner.Now) });

    /// <summary>Runs SQL straight on the database, past the store, as someone with write access to it could.</summary>
    public void Execute(string sql)
    {
        using var store = (GatewayStore)Open();
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Sets a file's permissions (on Unix; Windows has none of these).</summary>
    public static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    public static string Sample(string name, [CallerFilePath] string thisFile = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "..", "..", "samples", "declarations", name));

    public void Dispose()
    {
        Signer.Dispose();
        _folder.Dispose();
    }
}
