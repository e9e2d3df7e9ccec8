using FluentValidation;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Configuration;

public static class OptionsRegistration
{
    /// <summary>Binds <see cref="EnforcementOptions"/>, validates it at startup and applies its body limit to Kestrel.</summary>
    public static IHostApplicationBuilder AddEnforcementOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<EnforcementOptions>, EnforcementOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<EnforcementOptions>, FluentValidateOptions<EnforcementOptions>>();
        builder.Services.AddOptions<EnforcementOptions>()
            .BindConfiguration(EnforcementOptions.Section)
            .ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<EnforcementOptions>>((kestrel, enforcement) => kestrel.Limits.MaxRequestBodySize = enforcement.Value.MaxBodyBytes);
        return builder;
    }

    /// <summary>
    /// The options as configured now, for the few registrations that need a value before the container exists (the
    /// silo's ports). Validated the same way as at startup.
    /// </summary>
    public static EnforcementOptions ReadEnforcementOptions(this IConfiguration configuration)
    {
        var options = new EnforcementOptions();
        configuration.GetSection(EnforcementOptions.Section).Bind(options);
        return options;
    }
}
