using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Outbound.Formats;

/// <summary>Turns the text of a declaration file (YAML, or JSON read as YAML flow syntax) into its root node.</summary>
/// <remarks>Syntax problems become schema errors with a position; no parser exception escapes.</remarks>
internal static class DocumentLoader
{
    /// <summary>The deepest nesting of lists and maps accepted; a declaration needs 5, JSON readers default to 64.</summary>
    public const int MaxDepth = 64;

    private const string Json = "JSON";
    private const string Yaml = "YAML";

    /// <summary>Returns the root node of the single document in <paramref name="text"/>, or <see langword="null"/> after reporting why there is none.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">The file name, whose extension tells JSON from YAML.</param>
    /// <param name="errors">Where errors go.</param>
    /// <param name="emptyFile">The message for a file without a document; a declaration's by default.</param>
    public static YamlNode? Load(string text, string source, SchemaErrorList errors, string emptyFile = Messages.EmptyFile)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        string format = IsJson(text, source) ? Json : Yaml;

        // YAML accepts much that JSON does not (01, unquoted words, trailing commas), so JSON is checked as JSON first.
        if (format == Json && !CheckJsonSyntax(text, errors))
        {
            return null;
        }

        var scanner = new Scanner(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new GuardedParser(new Parser(scanner)));
        }
        catch (YamlException e) when (format == Yaml && e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            && FindIndentingTab(text, e.Start.Line) is var (line, column))
        {
            // YamlDotNet places tab errors at the start of the enclosing map or scalar; the tab itself is easier to find.
            errors.Add(line, column, "", Messages.NotValid(format, Messages.TabIndentation));
            return null;
        }
        catch (YamlException e)
        {
            errors.Add(e.Start, "", Messages.NotValid(format, e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // The scanner throws this instead of a YamlException for some malformed input, e.g. an unclosed '[' before
            // a new key (aaubry/YamlDotNet#541); its position is where reading stopped.
            errors.Add(scanner.CurrentPosition, "", Messages.NotValid(format, Messages.ParserStopped));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(1, 1, "", emptyFile);
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(stream.Documents[1].RootNode.Start, "", Messages.SecondDocument);
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    private static bool IsJson(string text, string source)
    {
        string extension = Path.GetExtension(source);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Neither name says: a document that opens with '{' or '[' is taken as JSON (stdin, pasted text).
        return text.AsSpan().TrimStart() is ['{' or '[', ..];
    }

    /// <summary>Finds the first tab in the indentation of a line at or after <paramref name="fromLine"/>.</summary>
    private static (long Line, long Column)? FindIndentingTab(string text, long fromLine)
    {
        long line = 1;
        foreach (ReadOnlySpan<char> content in text.AsSpan().EnumerateLines())
        {
            int indentation = content.IndexOfAnyExcept(' ', '\t');
            int tab = (indentation < 0 ? content : content[..indentation]).IndexOf('\t');
            if (line >= fromLine && tab >= 0)
            {
                return (line, tab + 1);
            }

            line++;
        }

        return null;
    }

    private static bool CheckJsonSyntax(string text, SchemaErrorList errors)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException e)
        {
            long line = e.LineNumber ?? 0;
            errors.Add(line + 1, CharacterColumn(text, line, e.BytePositionInLine ?? 0), "", Messages.NotValid(Json, JsonDetail(e)));
            return false;
        }
    }

    // "'t' is an invalid start of a value. LineNumber: 2 | BytePositionInLine: 5." → the part before the position,
    // which the error carries in its own line and column.
    private static string JsonDetail(JsonException e)
    {
        int position = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position < 0 ? e.Message : e.Message[..position];
    }

    // System.Text.Json counts UTF-8 bytes within a line; columns elsewhere count characters, as YamlDotNet does.
    private static long CharacterColumn(string text, long zeroBasedLine, long bytePosition)
    {
        int start = 0;
        for (long line = 0; line < zeroBasedLine; line++)
        {
            int newLine = text.IndexOf('\n', start);
            if (newLine < 0)
            {
                break;
            }

            start = newLine + 1;
        }

        int end = start;
        long bytes = 0;
        while (end < text.Length && text[end] != '\n' && bytes < bytePosition)
        {
            int width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            end += width;
        }

        return end - start + 1;
    }

    /// <summary>
    /// Checks the parser's events before the node tree is built: too deep a nesting would overflow the stack, and an
    /// alias without an anchor would otherwise be reported at the document's start instead of where it is.
    /// </summary>
    private sealed class GuardedParser(IParser inner) : IParser
    {
        private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            ParsingEvent current = inner.Current!;
            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                _anchors.Add(anchored.Anchor.Value);
            }

            switch (current)
            {
                case DocumentStart:
                    _anchors.Clear();
                    break;
                case AnchorAlias alias when !_anchors.Contains(alias.Value.Value):
                    throw new YamlException(alias.Start, alias.End, Messages.UnknownAlias(alias.Value.Value));
                case MappingStart or SequenceStart when ++_depth > MaxDepth:
                    throw new YamlException(current.Start, current.End, Messages.NestedTooDeeply(MaxDepth));
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }

            return true;
        }
    }
}
