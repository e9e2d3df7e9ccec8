using System.ComponentModel;
using Spectre.Console.Cli;

namespace Enforcement.Cli.Audit;

public sealed class AuditVerifySettings : CommandSettings
{
    [CommandOption("--db <path>")]
    [Description("The database file. Defaults to data/enforcement.db, where the host keeps it by default.")]
    public string Database { get; init; } = Path.Combine("data", "enforcement.db");

    [CommandOption("--digest <file>")]
    [Description("A digest file kept apart from the database. Without it, the latest digest saved in the database.")]
    public string? Digest { get; init; }

    [CommandOption("--subject <subject>")]
    [Description("Verify one chain only, such as account:a-42.")]
    public string? Subject { get; init; }
}
