using Spectre.Console.Testing;

namespace Outbound.Cli.Tests;

/// <summary>The exit code and the two output streams of one run of <c>outbound</c>.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs the <c>outbound</c> application in process, with test consoles and a fixed clock.</summary>
internal static class CliRunner
{
    /// <summary>2026-11-28 17:30 UTC, which is already 29 November in China Standard Time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 17, 30, 0, TimeSpan.Zero);

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs the application with <paramref name="input"/> as its standard input.</summary>
    public static async Task<CliRun> RunAsync(Stream? input, params string[] args)
    {
        using var output = new TestConsole();
        using var error = new TestConsole();
        output.Profile.Width = 200;
        error.Profile.Width = 200;

        var app = OutboundApp.Create(output, new ErrorOutput(error), new FixedTimeProvider(Now), input is null ? null : new StandardInput(() => input));
        int exitCode = await app.RunAsync(OutboundApp.Arguments(args), TestContext.Current.CancellationToken);

        return new CliRun(exitCode, output.Output.ReplaceLineEndings("\n"), error.Output.ReplaceLineEndings("\n"));
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("outbound-cli-").FullName;

    public string Write(string name, string text)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
