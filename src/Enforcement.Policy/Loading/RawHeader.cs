namespace Enforcement.Policy.Loading;

/// <summary>The two fields every file starts with; the kind decides how the rest is read.</summary>
internal sealed record RawHeader(RawScalar? ApiVersion, RawScalar? Kind, SourceSpan At);
