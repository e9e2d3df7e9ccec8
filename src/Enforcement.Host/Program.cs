using Enforcement.Host;

await EnforcementHost.Build(args).RunAsync();

/// <summary>Visible to the tests, which start the host in process.</summary>
public partial class Program;
