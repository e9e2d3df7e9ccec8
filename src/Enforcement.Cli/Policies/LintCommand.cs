using Enforcement.Policy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Enforcement.Cli.Policies;

/// <summary><c>enforce policy lint [dir]</c>: every problem of the set, then a count; exit 1 if there is any.</summary>
public sealed class LintCommand(IAnsiConsole console) : Command<PolicyDirectorySettings>
{
    public override int Execute(CommandContext context, PolicyDirectorySettings settings, CancellationToken cancellationToken)
    {
        var result = PolicySetCompiler.CompileDirectory(settings.Directory);
        if (!result.Accepted)
        {
            Diagnostics.Write(console, settings.Directory, result.Errors);
            console.MarkupLineInterpolated($"[red]{result.Errors.Length} problem{(result.Errors.Length == 1 ? "" : "s")}[/] in {settings.Directory}");
            return 1;
        }
        var set = result.Set!;
        console.MarkupLineInterpolated($"[green]ok[/]: {set.Policies.Count()} policies and {set.Catalog.Signals.Length} signals in {settings.Directory}");
        return 0;
    }
}
