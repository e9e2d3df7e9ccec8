using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Enforcement.Cli.Policies;

public class PolicyDirectorySettings : CommandSettings
{
    [CommandArgument(0, "[dir]")]
    [Description("The policy folder: signals.yaml and the policy files. Defaults to ./policies.")]
    public string Directory { get; init; } = "policies";

    public override ValidationResult Validate() =>
        System.IO.Directory.Exists(Directory)
            ? ValidationResult.Success()
            : ValidationResult.Error($"{Directory}: no such folder");
}
