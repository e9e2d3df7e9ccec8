using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Loading;

/// <summary>
/// What one file contributed to its set: its kind (when it could be read) with what set-level checks need, and
/// its definition when the file itself had no error.
/// </summary>
/// <param name="KindAt">Where <c>kind</c> was written, for "a second catalog" messages.</param>
/// <param name="PolicyId">The policy's id as written, for duplicate-id checks even when the file has other errors.</param>
internal sealed record LoadedFile(
    string File,
    string? Kind,
    SourceSpan KindAt,
    RawScalar? PolicyId,
    SignalCatalog? Catalog,
    PolicyDefinition? Policy);
