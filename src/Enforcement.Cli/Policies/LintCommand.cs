using Enforcement.Policy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Enforcement.Cli.Policies;

/// <summary><c>enforce policy lint [dir]</c>: every problem of the set, then a count; exit 1 if there is any.</summary>
public sealed class LintCommand(IAnsiConsole console) : Command<PolicyDirectorySettings>
{
    public override int Execute(CommandContext context, PolicyDirectorySettings settings, CancellationToken cancellationToken)
    {
        if (Diagnostics.CompileOrReport(console, settings.Directory) is not { } set)
            return 1;
        console.MarkupLineInterpolated($"[green]ok[/]: {set.Policies.Count()} policies and {set.Catalog.Signals.Length} signals in {settings.Directory}");
        return 0;
    }
}
