using Enforcement.Cli.Audit;
using Enforcement.Cli.Policies;
using Enforcement.Cli.Simulate;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Enforcement.Cli;

/// <summary>The <c>enforce</c> command line. Built around a given console so that tests run it in-process.</summary>
public static class EnforceApp
{
    public static CommandApp Create(IAnsiConsole console)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("enforce");
            config.ConfigureConsole(console);
            config.AddBranch("policy", policy =>
            {
                policy.SetDescription("Check and test policy files.");
                policy.AddCommand<LintCommand>("lint")
                    .WithDescription("Check a policy folder as a whole; print every problem as file:line:col: message.")
                    .WithExample("policy", "lint", "policies");
                policy.AddCommand<TestCommand>("test")
                    .WithDescription("Run the tests: of every policy file; end with 'N passed, M failed'.")
                    .WithExample("policy", "test", "policies");
            });
            config.AddBranch("audit", audit =>
            {
                audit.SetDescription("Check the audit log.");
                audit.AddCommand<VerifyCommand>("verify")
                    .WithDescription("Verify every chain against a digest; print 'ok: N records in M chains verified' or the first break.")
                    .WithExample("audit", "verify", "--db", "data/enforcement.db", "--digest", "digest.json");
            });
            config.AddCommand<SimulateCommand>("simulate")
                .WithDescription("Run legitimate accounts and distillation campaigns against the service; report what each campaign got and what legitimate accounts suffered; exit 0 when every target is met.")
                .WithExample("simulate", "--scale", "0.01")
                .WithExample("simulate", "--scenario", "scenarios/distillation.yaml", "--target", "http://localhost:5000", "--api-key", "<automation key>");
        });
        return app;
    }
}
