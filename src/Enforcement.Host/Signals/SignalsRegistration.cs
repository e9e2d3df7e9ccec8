namespace Enforcement.Host.Signals;

public static class SignalsRegistration
{
    public static IServiceCollection AddSignalIngestion(this IServiceCollection services)
    {
        services.AddSingleton<SignalScreen>();
        return services;
    }
}
