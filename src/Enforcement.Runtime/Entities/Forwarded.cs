using System.Collections.Immutable;
using Enforcement.Runtime.Inheritance;

namespace Enforcement.Runtime.Entities;

/// <summary>What handing an account's signals on found: the entities they carried, and the actions of those that hold any.</summary>
public sealed record Forwarded(IReadOnlyCollection<string> Entities, ImmutableArray<InheritedActions> Actions);
