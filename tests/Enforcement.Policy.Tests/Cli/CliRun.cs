using Enforcement.Cli;
using Spectre.Console;

namespace Enforcement.Policy.Tests.Cli;

/// <summary>Runs the <c>enforce</c> command line in-process against a console that writes to a string.</summary>
public static class CliRun
{
    public static (int Exit, string Output) Enforce(params string[] args)
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
        return (exit, writer.ToString());
    }

    public static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
