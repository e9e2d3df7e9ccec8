namespace Enforcement.Policy.Loading;

/// <summary>A single value as written, before any rule has judged it: the raw material of every validator.</summary>
/// <param name="Quoted">Written in quotes, so text even when it looks like a number or a boolean.</param>
internal sealed record RawScalar(string Text, bool Quoted, SourceSpan At)
{
    public static RawScalar From(ScalarNode node) => new(node.IsNull ? "" : node.Value, node.IsQuoted, node.At);

    public bool IsEmpty => Text.Length == 0;

    /// <summary>The value as a message quotes it.</summary>
    public string Shown => $"'{Text}'";

    /// <summary>As <see cref="Shown"/>, but saying so when quotes made what looks like a number or boolean text.</summary>
    public string ShownAsTyped => Quoted ? $"\"{Text}\" (quoted, so text)" : Shown;
}
