using Enforcement.Policy;
using Spectre.Console;

namespace Enforcement.Cli.Policies;

internal static class Diagnostics
{
    /// <summary>
    /// Problems go out as plain lines, one each, never wrapped to the terminal's width, so that editors and CI
    /// can jump to file:line:col. File names are given relative to the folder as the user named it.
    /// </summary>
    public static void Write(IAnsiConsole console, string directory, IEnumerable<Diagnostic> diagnostics)
    {
        var writer = console.Profile.Out.Writer;
        foreach (var diagnostic in diagnostics)
        {
            var at = diagnostic.At with { File = Path.Combine(directory, diagnostic.At.File) };
            writer.WriteLine($"{at}: {diagnostic.Message}");
        }
        writer.Flush();
    }
}
