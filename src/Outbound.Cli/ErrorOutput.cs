using Spectre.Console;
using Spectre.Console.Rendering;

namespace Outbound.Cli;

/// <summary>Standard error, for messages about bad input or usage.</summary>
/// <param name="console">The console that writes to standard error.</param>
internal sealed class ErrorOutput(IAnsiConsole console)
{
    /// <summary>Writes <paramref name="line"/> as it is: never wrapped, never read as markup, so tools can parse it.</summary>
    public void WriteLine(string line)
    {
        var writer = console.Profile.Out.Writer;
        writer.Write(line);
        writer.Write('\n');
        writer.Flush();
    }

    /// <summary>Writes <paramref name="message"/> after the error prefix.</summary>
    public void WriteError(string message)
    {
        foreach (string line in message.ReplaceLineEndings("\n").Split('\n'))
        {
            WriteLine(Messages.ErrorPrefix + line);
        }
    }

    /// <summary>Renders Spectre's own description of an error (e.g. a parse error pointing at the argument).</summary>
    public void Write(IRenderable renderable) => console.Write(renderable);
}
