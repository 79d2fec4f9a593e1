using System.Reflection;
using Outbound.Law;

namespace Outbound.Core.Tests;

public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Assessor).Assembly;

    [Fact]
    public void Core_ReferencesOnlyTheRuntime()
    {
        string[] outsiders = [.. Core.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name != "System" && !name.StartsWith("System.", StringComparison.Ordinal))];

        Assert.Empty(outsiders);
    }

    [Fact]
    public void Core_PublicClassesAreSealedStaticOrAbstract()
    {
        string[] open = [.. Core.GetExportedTypes()
            .Where(type => type.IsClass && !type.IsSealed && !type.IsAbstract)
            .Select(type => type.FullName!)];

        Assert.Empty(open);
    }
}
