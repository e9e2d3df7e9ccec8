using Enforcement.Policy;
using Spectre.Console;

namespace Enforcement.Cli.Policies;

internal static class Diagnostics
{
    /// <summary>Compiles the folder's set; if it is rejected, prints every problem and a count, and returns null.</summary>
    public static PolicySet? CompileOrReport(IAnsiConsole console, string directory)
    {
        var result = PolicySetCompiler.CompileDirectory(directory, promote: false);
        if (result.Accepted)
            return result.Set;
        Write(console, directory, result.Errors);
        console.MarkupLineInterpolated($"[red]{result.Errors.Length} problem{(result.Errors.Length == 1 ? "" : "s")}[/] in {directory}");
        return null;
    }

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
