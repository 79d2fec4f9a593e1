using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Outbound.Formats;

/// <summary>The fields of one map in a declaration document; unknown and non-text keys are reported when it is built.</summary>
internal sealed class FieldMap
{
    private readonly SchemaCursor _map;
    private readonly ImmutableArray<string> _fields;
    private readonly Dictionary<string, SchemaCursor> _present = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="FieldMap"/> class.</summary>
    /// <param name="map">The cursor on the map itself.</param>
    /// <param name="node">The map node.</param>
    /// <param name="fields">The field names the map may have.</param>
    /// <param name="unknown">Builds the message for a key outside <paramref name="fields"/>.</param>
    public FieldMap(SchemaCursor map, YamlMappingNode node, ImmutableArray<string> fields, Func<string, string> unknown)
    {
        _map = map;
        _fields = fields;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                SchemaCursor at = map.At(key);
                at.Report(Messages.ExpectedFieldName(at.Describe()));
                continue;
            }

            if (!fields.Contains(name, StringComparer.Ordinal))
            {
                map.Field(key, name).Report(unknown(name));
                continue;
            }

            _present[name] = map.Field(value, name);
        }
    }

    /// <summary>Gets the fields that are present, by name.</summary>
    public IReadOnlyDictionary<string, SchemaCursor> Present => _present;

    /// <summary>Returns the field <paramref name="name"/>, or <see langword="null"/> when it is absent.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of the map's fields.</exception>
    public SchemaCursor? Optional(string name)
    {
        if (!_fields.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not one of the fields this map was read with.", nameof(name));
        }

        return _present.GetValueOrDefault(name);
    }

    /// <summary>Returns the field <paramref name="name"/>, or <see langword="null"/> when it is absent or null.</summary>
    public SchemaCursor? Nullable(string name) => Optional(name) is { IsNull: false } field ? field : null;

    /// <summary>Returns the field <paramref name="name"/>, reporting it at the map when it is absent.</summary>
    public SchemaCursor? Required(string name)
    {
        SchemaCursor? field = Optional(name);
        if (field is null)
        {
            _map.ReportMissing(name);
        }

        return field;
    }
}
