using System.Collections.Immutable;

namespace Enforcement.Runtime.Clusters;

/// <summary>An account and the entities (subject keys) its latest signals carried.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.account-links")]
public sealed record AccountLinks(
    [property: Id(0)] string Account,
    [property: Id(1)] ImmutableArray<string> Entities);
