using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy;

/// <summary>The policies of one scope and the window layout their conditions read: what a subject of that scope runs.</summary>
public sealed record ScopeProgram(Scope Scope, WindowLayout Layout, ImmutableArray<CompiledPolicy> Policies);
