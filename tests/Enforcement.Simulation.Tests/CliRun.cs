using Enforcement.Cli;
using Spectre.Console;

namespace Enforcement.Simulation.Tests;

/// <summary>Runs the <c>enforce</c> command line in-process against a console that writes to a string.</summary>
public static class CliRun
{
    public static async Task<(int Exit, string Output)> EnforceAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 300;
        var exit = await EnforceApp.Create(console).RunAsync(args);
        return (exit, writer.ToString());
    }
}
