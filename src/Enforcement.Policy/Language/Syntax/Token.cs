namespace Enforcement.Policy.Language.Syntax;

/// <summary>A lexeme of a condition. <see cref="Text"/> holds the decoded value of a string literal.</summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, string Text)
{
    public double Number { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>How the token reads in a message: its text, or a word for the end of input.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the condition",
        TokenKind.Text => $"string \"{Text}\"",
        _ => $"'{Text}'",
    };
}
