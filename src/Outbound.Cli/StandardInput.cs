namespace Outbound.Cli;

/// <summary>Where <c>-</c> reads from: the process's standard input, or another stream (in tests).</summary>
/// <param name="open">Opens the stream.</param>
internal sealed class StandardInput(Func<Stream> open)
{
    /// <summary>The name a lone <c>-</c> on the command line is passed to commands as.</summary>
    public const string Name = "/dev/stdin";

    /// <summary>Gets the process's standard input.</summary>
    public static StandardInput Process { get; } = new(Console.OpenStandardInput);

    /// <summary>Opens the stream.</summary>
    public Stream Open() => open();
}
