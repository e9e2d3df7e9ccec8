using Enforcement.Cli;
using Spectre.Console;

namespace Enforcement.Host.Tests.Cli;

/// <summary>Runs the <c>enforce</c> command line in-process against a console that writes to a string.</summary>
public static class Enforce
{
    public static (int Exit, string[] Lines) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        var exit = EnforceApp.Create(console).Run(args);
        return (exit, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
