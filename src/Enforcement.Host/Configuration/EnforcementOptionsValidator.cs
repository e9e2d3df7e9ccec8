using Enforcement.Host.Auth;
using FluentValidation;

namespace Enforcement.Host.Configuration;

/// <summary>Runs at startup: a host with a nonsensical limit or a key without a role does not start.</summary>
public sealed class EnforcementOptionsValidator : AbstractValidator<EnforcementOptions>
{
    /// <summary>Short keys can be guessed; generated ones are 48 characters.</summary>
    public const int MinKeyLength = 16;

    public EnforcementOptionsValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(o => o.DataDir).NotEmpty();
        RuleFor(o => o.PolicyDir).NotEmpty();
        RuleFor(o => o.MaxClockSkew).GreaterThan(TimeSpan.Zero).LessThanOrEqualTo(TimeSpan.FromDays(1));
        RuleFor(o => o.MaxSignalAge).GreaterThan(TimeSpan.Zero).LessThanOrEqualTo(TimeSpan.FromDays(366));
        RuleFor(o => o.MaxBatch).InclusiveBetween(1, 100_000);
        RuleFor(o => o.MaxBodyBytes).InclusiveBetween(1024, 1024L * 1024 * 1024);
        RuleFor(o => o.MaxIdLength).InclusiveBetween(1, 1024);
        RuleFor(o => o.MaxStringLength).InclusiveBetween(1, 16 * 1024);
        RuleFor(o => o.DigestInterval).GreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        RuleFor(o => o.TimerInterval).GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(100));
        RuleFor(o => o.PolicyRefreshInterval).GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(100));
        RuleFor(o => o.SiloPort).InclusiveBetween(1, 65535);
        RuleFor(o => o.GatewayPort).InclusiveBetween(0, 65535);
        RuleFor(o => o.Outbox).ChildRules(outbox =>
        {
            outbox.RuleFor(b => b.Url).Must(url => url.Length == 0 || IsHttpUrl(url))
                .WithMessage(b => $"'{b.Url}' is not an absolute http or https URL; leave it empty for no delivery.");
            outbox.RuleFor(b => b.BatchSize).InclusiveBetween(1, 10_000);
            outbox.RuleFor(b => b.Interval).GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(50)).LessThanOrEqualTo(TimeSpan.FromHours(1));
            outbox.RuleFor(b => b.MaxBackoff).GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(50)).LessThanOrEqualTo(TimeSpan.FromDays(1));
            outbox.RuleFor(b => b.Timeout).GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(100)).LessThanOrEqualTo(TimeSpan.FromMinutes(10));
        });
        RuleFor(o => o.CaseInterval).GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(100));
        RuleForEach(o => o.Queues)
            .Must(queue => queue.Value.Deadline is null || queue.Value.Deadline > TimeSpan.Zero)
            .WithMessage((_, queue) => $"Queues:{queue.Key}:Deadline must be positive.");
        RuleForEach(o => o.ApiKeys).ChildRules(key =>
        {
            key.RuleFor(k => k.Key).NotEmpty().MinimumLength(MinKeyLength);
            key.RuleFor(k => k.Role).Must(role => Roles.All.Contains(role))
                .WithMessage(k => $"'{k.Role}' is not a role; expected one of {string.Join(", ", Roles.All)}.");
            key.RuleFor(k => k.Name).NotEmpty();
        });
        RuleFor(o => o.ApiKeys)
            .Must(keys => keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() == keys.Count)
            .WithMessage("Every API key must be different.");
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
