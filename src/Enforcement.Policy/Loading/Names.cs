using System.Text.RegularExpressions;

namespace Enforcement.Policy.Loading;

/// <summary>The spellings names must follow, with how messages describe them.</summary>
internal static partial class Names
{
    public const string SnakeCase = "lower_snake_case";

    public const string PolicyIdExpectation = "lowercase words joined by '-', in segments joined by '.', like distillation.cot-elicitation";

    public const string LowercaseWord = "a lowercase name";

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    public static partial Regex SnakeCasePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$")]
    public static partial Regex PolicyIdPattern();

    /// <summary>Challenge kinds and escalation queues: <c>identity</c>, <c>threat-intel</c>, <c>tier_2</c>.</summary>
    [GeneratedRegex("^[a-z][a-z0-9]*([-_.][a-z0-9]+)*$")]
    public static partial Regex LowercaseWordPattern();
}
