using Enforcement.Policy;
using Enforcement.Policy.Testing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Enforcement.Cli.Policies;

/// <summary>
/// <c>enforce policy test [dir]</c>: runs every policy's <c>tests:</c>, prints each failure as file:line:col, and
/// ends with the line <c>N passed, M failed</c>. A set that does not lint runs no test and fails.
/// </summary>
public sealed class TestCommand(IAnsiConsole console) : Command<PolicyDirectorySettings>
{
    public override int Execute(CommandContext context, PolicyDirectorySettings settings, CancellationToken cancellationToken)
    {
        if (Diagnostics.CompileOrReport(console, settings.Directory) is not { } set)
        {
            console.MarkupLine("[red]the policy set does not lint: no test was run[/]");
            return 1;
        }

        var results = PolicyTestRunner.RunAll(set);
        var writer = console.Profile.Out.Writer;
        foreach (var result in results)
        {
            var mark = result.Passed ? "pass" : "FAIL";
            writer.WriteLine($"{mark}  {result.Policy.Id}: {result.Test.Name}");
            foreach (var failure in result.Failures)
                writer.WriteLine($"      {Path.Combine(settings.Directory, failure)}");
        }
        var failed = results.Count(r => !r.Passed);
        writer.WriteLine($"{results.Count - failed} passed, {failed} failed");
        writer.Flush();
        return failed == 0 ? 0 : 1;
    }
}
