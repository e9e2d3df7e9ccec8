using System.Collections.Immutable;

namespace Enforcement.Policy.Loading;

/// <summary>One entry of a policy's <c>tests:</c> as written.</summary>
/// <param name="ExpectAt">Where the <c>expect</c> list is, or the test's start when it is missing.</param>
internal sealed record RawPolicyTest(
    RawScalar? Name,
    RawScalar? Subject,
    RawScalar? Start,
    ImmutableArray<RawTestAccount> Accounts,
    ImmutableArray<RawTestSignal> Signals,
    ImmutableArray<RawTestExpectation> Expectations,
    SourceSpan ExpectAt,
    SourceSpan At);

/// <summary>One account of a test's <c>accounts:</c>, keyed by its id.</summary>
internal sealed record RawTestAccount(RawScalar Id, RawScalar? Age, RawScalar? Tier, RawScalar? Region, RawScalar? Verified);

/// <summary>One entry of a test's <c>signals:</c>.</summary>
internal sealed record RawTestSignal(
    RawScalar? At,
    RawScalar? Type,
    RawScalar? Value,
    RawScalar? Account,
    ImmutableArray<RawAttr> Attrs,
    RawScalar? Every,
    RawScalar? Count,
    RawScalar? Spread,
    SourceSpan Span);

/// <summary>One linkage attribute of a test signal.</summary>
internal sealed record RawAttr(RawScalar Key, RawScalar Value);

/// <summary>One entry of a test's <c>expect:</c>.</summary>
internal sealed record RawTestExpectation(
    RawScalar? At,
    RawScalar? State,
    RawScalar? Rung,
    RawScalar? Action,
    RawScalar? Rpm,
    RawScalar? Challenge,
    SourceSpan Span);
