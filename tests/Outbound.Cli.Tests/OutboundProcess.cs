using System.Diagnostics;

namespace Outbound.Cli.Tests;

/// <summary>Runs the built CLI as a process of its own: for what only a real process shows (being killed, its environment).</summary>
internal static class OutboundProcess
{
    /// <summary>Starts <c>outbound</c> with <paramref name="args"/>, output redirected; <paramref name="environment"/> is added to the child's.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(OutboundDll());
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The built <c>outbound.dll</c> beside the test assembly (a referenced executable's build output).</summary>
    private static string OutboundDll()
    {
        string here = Path.Combine(AppContext.BaseDirectory, "outbound.dll");
        Assert.True(File.Exists(here) && File.Exists(Path.Combine(AppContext.BaseDirectory, "outbound.runtimeconfig.json")), $"outbound.dll and its runtimeconfig are not in {AppContext.BaseDirectory}.");
        return here;
    }
}
