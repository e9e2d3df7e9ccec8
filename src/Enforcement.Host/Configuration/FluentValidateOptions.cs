using FluentValidation;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Configuration;

/// <summary>Lets the options system run a FluentValidation validator, so that <c>ValidateOnStart</c> reports its messages.</summary>
internal sealed class FluentValidateOptions<TOptions>(IValidator<TOptions> validator) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = validator.Validate(options);
        return result.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(e => $"{typeof(TOptions).Name}.{e.PropertyName}: {e.ErrorMessage}"));
    }
}
