using Enforcement.Host.Configuration;
using FluentValidation;

namespace Enforcement.Host.Accounts;

/// <summary>The rules every message about one account shares.</summary>
public static class AccountRules
{
    /// <summary>An account id from the route: present and no longer than ids may be (key <c>id</c>).</summary>
    public static IRuleBuilderOptions<T, string> AccountId<T>(this IRuleBuilder<T, string> rule, EnforcementOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return rule
            .NotEmpty().WithMessage("An account id is required.")
            .MaximumLength(limits.MaxIdLength).WithMessage($"An account id is at most {limits.MaxIdLength} characters.")
            .OverridePropertyName("id");
    }

    /// <summary>An event time neither further ahead of the server's clock nor older than signals may be.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> EventTime<T>(this IRuleBuilder<T, DateTimeOffset?> rule, EnforcementOptions limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        return rule
            .Must(at => at is null || at <= time.GetUtcNow() + limits.MaxClockSkew)
            .WithMessage($"The time is ahead of the server's clock by more than {Signals.Durations.Format(limits.MaxClockSkew)}.")
            .Must(at => at is null || at >= time.GetUtcNow() - limits.MaxSignalAge)
            .WithMessage($"The time is older than {Signals.Durations.Format(limits.MaxSignalAge)}.");
    }
}
