using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enforcement.Console.Tests;

[Collection(ConsoleHost.Name)]
public sealed partial class CaseScreenTests(ConsoleFixture host)
{
    [BrowserFact]
    public async Task A_reviewer_opens_an_appeal_claims_it_and_overturns_the_suspension_and_the_account_is_allowed_again()
    {
        var account = host.TakeSuspendedAccount();
        await using var tab = await host.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(ConsoleFixture.Alice);
        await tab.SearchAccountAsync(account);
        await Expect(tab.EnforcementState).ToHaveTextAsync("suspended");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open appeal" }).ClickAsync();
        await page.GetByLabel("Customer statement").FillAsync("I study how models reason; these prompts were my own experiments, not a script.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit appeal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = AppealHeading(), Level = 1 })).ToBeVisibleAsync();
        var caseUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Queue", Exact = true }).ClickAsync();
        var queue = page.GetByRole(AriaRole.Table);
        await Expect(queue.GetByRole(AriaRole.Row).Filter(new() { HasText = "appeal" }).Filter(new() { HasText = account })).ToHaveCountAsync(1);
        await tab.ScreenshotAsync("queue", main: true);
        await page.GetByLabel("Account").FillAsync(account);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var appealRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "appeals" });
        await Expect(appealRow).ToContainTextAsync("open");
        await appealRow.GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Equal(caseUrl, page.Url);

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Customer statement" })).ToContainTextAsync("my own experiments");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Decisions under review" })).ToContainTextAsync("distillation.challenge-failures");
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Case" })).ToContainTextAsync(ClaimedByAlice());
        await page.GetByLabel("Note (required)").FillAsync("Verified researcher; the volume matches a lab's experiments. Lifting.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Overturn", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Decision", Exact = true })).ToContainTextAsync("Overturned by alice");
        await Expect(tab.EnforcementState).ToHaveTextAsync("allow");
        await tab.ScreenshotAsync("case", main: true);

        await tab.SearchAccountAsync(account);
        await Expect(tab.EnforcementState).ToHaveTextAsync("allow");
        var overturn = page.GetByRole(AriaRole.Region, new() { Name = "Timeline" }).GetByRole(AriaRole.Article)
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = OverturnHeading() }) });
        await Expect(overturn.First).ToContainTextAsync(ActorAlice());
        await tab.ScreenshotAsync("account-overturned");
        Assert.Empty(tab.Faults);
    }

    [BrowserFact]
    public async Task In_a_four_eyes_queue_an_overturn_waits_for_a_second_reviewer_who_confirms_it()
    {
        var account = host.TakeSuspendedAccount();
        await using var first = await host.OpenAsync();
        await first.SignInAsync(ConsoleFixture.Alice);
        await OpenEscalationAsync(first, account);
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await first.Page.GetByLabel("Note (required)").FillAsync("Three failed challenges were the identity provider's outage.");
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Overturn", Exact = true }).ClickAsync();

        var work = first.Page.GetByRole(AriaRole.Region, new() { Name = "Decision", Exact = true });
        await Expect(work.GetByRole(AriaRole.Note)).ToContainTextAsync("Four-eyes rule: the overturn proposed by alice awaits confirmation by a second reviewer.");
        await Expect(work).ToContainTextAsync("You proposed it");
        await Expect(work.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(first.EnforcementState).ToHaveTextAsync("suspended");

        await using var second = await host.OpenAsync();
        await second.SignInAsync(ConsoleFixture.Bob);
        await OpenEscalationAsync(second, account);
        var secondWork = second.Page.GetByRole(AriaRole.Region, new() { Name = "Decision", Exact = true });
        await Expect(secondWork.GetByRole(AriaRole.Note)).ToContainTextAsync("proposed by alice");
        await second.Page.GetByLabel("Note (required)").FillAsync("Agreed: the outage log shows it.");
        await second.ScreenshotAsync("case-four-eyes", main: true);
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm overturn" }).ClickAsync();

        await Expect(secondWork).ToContainTextAsync("Overturned by alice and bob");
        // The escalation contested the suspension only: the cot-elicitation challenge still holds.
        await Expect(second.EnforcementState).ToHaveTextAsync("challenge");
        Assert.Empty(first.Faults);
        Assert.Empty(second.Faults);
    }

    [BrowserFact]
    public async Task Policy_quality_counts_the_overturned_decisions_of_each_policy()
    {
        var account = host.TakeSuspendedAccount();
        var bob = host.Client(ConsoleFixture.Bob.Key);
        var opened = await Api.PostAsync(bob, "v1/appeals", new JsonObject { ["account"] = account, ["statement"] = "A shared office network." });
        var id = (string)opened["id"]!;
        await Api.PostAsync(bob, $"v1/cases/{id}/claim", new JsonObject());
        await Api.PostAsync(bob, $"v1/cases/{id}/decision", new JsonObject { ["outcome"] = "overturn", ["note"] = "Office NAT." });

        await using var tab = await host.OpenAsync();
        await tab.SignInAsync(ConsoleFixture.Alice);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Policy quality" }).ClickAsync();

        var row = tab.Page.GetByRole(AriaRole.Row).Filter(new() { Has = tab.Page.GetByRole(AriaRole.Rowheader, new() { Name = "distillation.challenge-failures" }) });
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync(PositiveCount());
        var first = tab.Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Nth(1);
        await Expect(first.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync(PositiveCount());
        await tab.ScreenshotAsync("quality", main: true);
        Assert.Empty(tab.Faults);
    }

    [BrowserFact]
    public async Task The_queue_shows_a_page_at_a_time_and_the_next_on_request()
    {
        var account = host.SuspendedRing[^1];
        const string queue = "paging-console";
        var automation = host.Client(ConsoleFixture.AutomationKey);
        for (var n = 0; n < 5; n++)
        {
            await Api.PostAsync(automation, "v1/appeals", new JsonObject
            {
                ["id"] = $"{queue}-{n}", ["account"] = account, ["statement"] = "Please look again.", ["queue"] = queue,
            });
        }
        await using var tab = await host.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(ConsoleFixture.Alice);

        await page.GotoAsync($"console#/queue?queue={queue}&limit=2");
        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = queue });
        await Expect(rows).ToHaveCountAsync(2);
        var more = page.GetByRole(AriaRole.Button, new() { Name = "Show more cases" });
        await more.ClickAsync();
        await Expect(rows).ToHaveCountAsync(4);
        await more.ClickAsync();
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(more).ToHaveCountAsync(0);
        Assert.Empty(tab.Faults);
    }

    /// <summary>The escalation the challenge-failures suspension opened for the account, found through the queue's filters.</summary>
    private static async Task OpenEscalationAsync(ConsolePage tab, string account)
    {
        var page = tab.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Queue", Exact = true }).ClickAsync();
        await page.GetByLabel("Queue", new() { Exact = true }).FillAsync(ConsoleFixture.FourEyesQueue);
        await page.GetByLabel("Account").FillAsync(account);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "escalation" });
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = EscalationHeading(), Level = 1 })).ToBeVisibleAsync();
    }

    [GeneratedRegex("^Appeal ")]
    private static partial Regex AppealHeading();

    [GeneratedRegex("^Escalation ")]
    private static partial Regex EscalationHeading();

    [GeneratedRegex("^overturn ")]
    private static partial Regex OverturnHeading();

    [GeneratedRegex(@"Claimed by\s*alice")]
    private static partial Regex ClaimedByAlice();

    [GeneratedRegex(@"Actor\s*alice")]
    private static partial Regex ActorAlice();

    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex PositiveCount();
}
