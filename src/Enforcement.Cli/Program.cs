using Enforcement.Cli;
using Spectre.Console;

return EnforceApp.Create(AnsiConsole.Console).Run(args);
