using System.Collections.Immutable;

namespace Enforcement.Policy.Definitions;

/// <summary>A policy as written in its file, after schema validation and before its condition is checked.</summary>
/// <param name="ContentHash">SHA-256 of the file's bytes, hex: the revision every decision records.</param>
public sealed record PolicyDefinition(
    string Id,
    int Version,
    string Title,
    string Owner,
    Severity Severity,
    Scope Scope,
    PolicyMode Mode,
    ConditionText When,
    ImmutableArray<Rung> Ladder,
    TimeSpan Cooldown,
    TimeSpan Decay,
    ImmutableArray<PolicyTest> Tests,
    string File,
    string ContentHash,
    SourceSpan At);
