using Enforcement.Policy.Catalog;
using Enforcement.Policy.Language.Checking;
using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>
/// A cluster section links by linkage keys only, each once; its limits are whole numbers of at least 1, and a
/// per-key limit is for a key that links (a key left out of <c>links</c> connects nobody, so a limit on it says nothing).
/// </summary>
internal sealed class RawClustersValidator : AbstractValidator<RawClusters>
{
    private const string LimitExpectation = "a whole number of at least 1";

    private static readonly string LinkageKeys = Vocabulary.OneOf(SignalCatalog.LinkageKeys);

    public RawClustersValidator()
    {
        RuleForEach(c => c.Links!.Items).Must(IsLinkageKey)
            .When(c => c.Links is not null)
            .WithMessage((_, link) => link.IsEmpty
                ? $"an item of 'links' is empty: expected one of {LinkageKeys}"
                : $"link {link.Shown} is not a linkage key: expected one of {LinkageKeys}{Suggestions.DidYouMean(link.Text, SignalCatalog.LinkageKeys)}")
            .WithState((_, link) => link.At);
        RuleFor(c => c.Links).Custom(ReportDuplicateLinks);
        RuleFor(c => c.MaxMembers).WholeNumber("max_members", 1);
        RuleFor(c => c.MaxMembersByKey).Custom((_, context) => CheckLimits(context.InstanceToValidate, context));
    }

    private static bool IsLinkageKey(RawScalar key) => SignalCatalog.LinkageKeys.Contains(key.Text, StringComparer.Ordinal);

    private static void ReportDuplicateLinks(RawList? links, ValidationContext<RawClusters> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in (links?.Items ?? []).Where(l => !l.IsEmpty && !seen.Add(l.Text)))
            context.AddLocatedFailure(link.At, $"duplicate link {link.Shown} in 'links'");
    }

    private static void CheckLimits(RawClusters clusters, ValidationContext<RawClusters> context)
    {
        foreach (var (key, limit) in clusters.MaxMembersByKey)
        {
            if (!IsLinkageKey(key))
            {
                context.AddLocatedFailure(key.At, $"'max_members_by_key' names {key.Shown}, which is not a linkage key: expected one of {LinkageKeys}{Suggestions.DidYouMean(key.Text, SignalCatalog.LinkageKeys)}");
            }
            else if (clusters.Links is { } links && !links.Items.Any(l => l.Text == key.Text))
            {
                context.AddLocatedFailure(key.At, $"'max_members_by_key' sets a limit for {key.Shown}, which is not in 'links': a key that links no accounts has no limit to set");
            }
            if (!Literals.TryWholeNumber(limit, out var n) || n < 1)
            {
                var field = $"max_members_by_key.{key.Text}";
                context.AddLocatedFailure(limit.At, limit.IsEmpty
                    ? $"'{field}' is empty: expected {LimitExpectation}"
                    : $"'{field}' must be {LimitExpectation}, not {limit.ShownAsTyped}");
            }
        }
    }
}
