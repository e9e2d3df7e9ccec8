using System.Collections.Immutable;

namespace Enforcement.Policy.Loading;

/// <summary>The words policy and catalog files may use, spelled as authors write them.</summary>
internal static class Vocabulary
{
    public const string ApiVersion = "enforcement/v1";

    public const string CatalogKind = "SignalCatalog";

    public const string PolicyKind = "Policy";

    public static readonly ImmutableArray<string> Kinds = [CatalogKind, PolicyKind];

    /// <summary>In the order of <see cref="Catalog.SignalKind"/>.</summary>
    public static readonly ImmutableArray<string> SignalKinds = ["count", "score", "number", "flag", "category"];

    /// <summary>In the order of <see cref="Definitions.Severity"/>.</summary>
    public static readonly ImmutableArray<string> Severities = ["low", "medium", "high", "critical"];

    /// <summary>In the order of <see cref="Definitions.PolicyMode"/>.</summary>
    public static readonly ImmutableArray<string> Modes = ["enforce", "shadow"];

    /// <summary>In the order a ladder is usually written; <see cref="Definitions.ActionKind"/> orders by severity instead.</summary>
    public static readonly ImmutableArray<string> Actions = ["observe", "throttle", "challenge", "suspend", "escalate"];

    public static readonly ImmutableArray<string> Priorities = ["low", "normal", "high", "urgent"];

    public const string DefaultPriority = "normal";

    public static readonly ImmutableArray<string> States = ["allow", "throttle", "challenge", "suspended"];

    public static string OneOf(ImmutableArray<string> words) => string.Join(", ", words);

    public static int IndexOf(ImmutableArray<string> words, string word) => words.IndexOf(word, StringComparer.Ordinal);
}
