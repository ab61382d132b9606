using System.Globalization;
using System.Threading.Channels;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paritrana.Domain.Cycles;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Instances;

/// <summary>
/// Two portal instances on one database, each holding its own copy of the reference data
/// (docs/decisions/032): a change made through one is shown by the other, because the NOTIFY that
/// drops the copies travels in the changing transaction, delivered at its commit and never when it
/// rolls back. Each test first shows that the instance really serves from its copy (a change made
/// behind its back with SQL, which announces nothing, is not seen), so that seeing the change
/// afterwards proves the notification and not a fresh read.
/// </summary>
public class ReferenceDataAcrossInstancesTests : IAsyncLifetime
{
    private const string Admin = "admin@paritrana.demo";
    private const string Chair = "ketua.bali@paritrana.demo";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private string _database = "";
    private PortalFactory? _a;
    private PortalFactory? _b;

    private PortalFactory A => _a!;

    private PortalFactory B => _b!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("refdata");
        _a = new PortalFactory(_database);
        _b = new PortalFactory(_database);
        _a.StartServer();
        _b.StartServer();
        await PortalHosts.ListeningAsync(_a.Services);
        await PortalHosts.ListeningAsync(_b.Services);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _a, _b })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task A_category_renamed_by_an_administrator_on_one_instance_is_shown_by_the_other()
    {
        var (categoryId, name) = await CurrentCategoryAsync("BESAR");
        using var chair = await B.CreatePortalClient().SignedInAsAsync(Chair);
        using var admin = await A.CreatePortalClient().SignedInAsAsync(Admin);
        (await CategoryOptionsAsync(chair)).ShouldContain(name);

        // Changed behind the instances' backs: B keeps showing its copy.
        await TestDatabase.ExecuteAsync($"UPDATE categories SET name = 'Diubah tanpa pemberitahuan' WHERE id = {categoryId}", _database);
        (await CategoryOptionsAsync(chair)).ShouldContain(name);
        (await CategoryOptionsAsync(chair)).ShouldNotContain("Diubah tanpa pemberitahuan");

        var editUrl = $"/Admin/Cycles/EditCategory/{categoryId}";
        using (var edited = await admin.SubmitFormAsync(editUrl, "#edit-category-form", new Dictionary<string, string> { ["Input.Name"] = "Perusahaan Besar Nasional" }))
        {
            edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var shown = await PollAsync(chair, page => Options(page, "category").Contains("Perusahaan Besar Nasional"));
        Options(shown, "category").ShouldNotContain(name);
    }

    [Fact]
    public async Task A_cycle_made_current_on_one_instance_is_the_current_cycle_of_the_other()
    {
        int year;
        await using (var db = PortalHosts.NewContext(_database))
        {
            year = await db.AwardCycles.MaxAsync(c => c.Year) + 1;
            db.AwardCycles.Add(new AwardCycle { Year = year, CreatedAt = DateTimeOffset.UtcNow, Categories = [new Category { Code = "BESAR", Name = "Perusahaan Besar", Kind = CategoryKind.LargeCompany }] });
            await db.SaveChangesAsync();
        }

        var id = await TestDatabase.ScalarAsync<int>(_database, "SELECT id FROM award_cycles WHERE year = @y", ("y", year));
        var current = await TestDatabase.ScalarAsync<int>(_database, "SELECT year FROM award_cycles WHERE is_current");
        using var chair = await B.CreatePortalClient().SignedInAsAsync(Chair);
        using var admin = await A.CreatePortalClient().SignedInAsAsync(Admin);
        SelectedCycle(await chair.GetPageAsync("/Nominations")).ShouldBe(current.ToString(CultureInfo.InvariantCulture));

        // "Jadikan siklus berjalan": two ExecuteUpdate statements, announced by ReferenceChanges.NotifyAsync.
        var edit = await admin.GetPageAsync($"/Admin/Cycles/Edit/{id}");
        using (var made = await admin.SubmitFormAsync(edit, $"/Admin/Cycles/Edit/{id}", "#make-current-form", new Dictionary<string, string>()))
        {
            made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await TestDatabase.ScalarAsync<int>(_database, "SELECT year FROM award_cycles WHERE is_current")).ShouldBe(year);
        await PollAsync(chair, page => SelectedCycle(page) == year.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_notification_leaves_with_the_commit_and_the_writing_instance_shows_the_change_at_once()
    {
        var (categoryId, name) = await CurrentCategoryAsync("MENENGAH");
        var cycleId = await TestDatabase.ScalarAsync<int>(_database, "SELECT id FROM award_cycles WHERE is_current");
        await using var heard = Listen(B);
        (await NamesAsync(A, cycleId)).ShouldContain(name);
        (await NamesAsync(B, cycleId)).ShouldContain(name);

        await using (var scope = A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Categories.SingleAsync(c => c.Id == categoryId)).Name = "Perusahaan Sedang Baru";
            await db.SaveChangesAsync();

            // Not sent before the commit: a notification sent after the save reaches B first.
            await NotifyAsync("before-commit");
            (await heard.NextAsync()).ShouldBe("before-commit");
            (await NamesAsync(B, cycleId)).ShouldContain(name);
            (await NamesAsync(A, cycleId)).ShouldContain(name);

            await transaction.CommitAsync();
        }

        // The writer's own instance at once, without waiting for any notification.
        (await NamesAsync(A, cycleId)).ShouldContain("Perusahaan Sedang Baru");
        (await heard.NextAsync()).ShouldBe("");
        (await NamesAsync(B, cycleId)).ShouldContain("Perusahaan Sedang Baru");
        (await NamesAsync(B, cycleId)).ShouldNotContain(name);
    }

    [Fact]
    public async Task A_transaction_that_rolls_back_or_a_save_that_fails_announces_nothing_and_leaves_every_copy_true()
    {
        var (categoryId, name) = await CurrentCategoryAsync("UMK");
        var (_, other) = await CurrentCategoryAsync("BESAR");
        var cycleId = await TestDatabase.ScalarAsync<int>(_database, "SELECT id FROM award_cycles WHERE is_current");
        await using var heard = Listen(B);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            (await NamesAsync(A, cycleId)).ShouldContain(name);
            (await NamesAsync(B, cycleId)).ShouldContain(name);
            await using (var scope = A.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
                if (attempt == 0)
                {
                    // Saved in a transaction that is then rolled back.
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    (await db.Categories.SingleAsync(c => c.Id == categoryId)).Name = "Tidak Pernah Disimpan";
                    await db.SaveChangesAsync();
                    (await NamesAsync(A, cycleId)).ShouldContain(name);
                    await transaction.RollbackAsync();
                }
                else
                {
                    // A save that fails in the database (the name of another category of the cycle):
                    // the transaction begun around it rolls back, its NOTIFY with it.
                    (await db.Categories.SingleAsync(c => c.Id == categoryId)).Name = other;
                    await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
                }
            }

            await NotifyAsync($"after-{attempt}");
            (await heard.NextAsync()).ShouldBe($"after-{attempt}");
            (await TestDatabase.ScalarAsync<string>(_database, "SELECT name FROM categories WHERE id = @id", ("id", categoryId))).ShouldBe(name);
            (await NamesAsync(A, cycleId)).ShouldContain(name);
            (await NamesAsync(B, cycleId)).ShouldContain(name);
            (await NamesAsync(A, cycleId)).ShouldNotContain("Tidak Pernah Disimpan");
        }
    }

    // ------------------------------------------------------------------ helpers

    private async Task<(int Id, string Name)> CurrentCategoryAsync(string code)
    {
        var id = await TestDatabase.ScalarAsync<int>(_database,
            "SELECT c.id FROM categories c JOIN award_cycles y ON y.id = c.cycle_id WHERE y.is_current AND c.code = @code", ("code", code));
        var name = await TestDatabase.ScalarAsync<string>(_database, "SELECT name FROM categories WHERE id = @id", ("id", id));
        return (id, name!);
    }

    /// <summary>The category names an instance's copy gives for the cycle (a request's scope of its own).</summary>
    private static async Task<List<string>> NamesAsync(PortalFactory host, int cycleId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
        return (await host.Services.GetRequiredService<ReferenceData>().CategoriesAsync(db, cycleId, CancellationToken.None)).Select(c => c.Name).ToList();
    }

    private static async Task<List<string>> CategoryOptionsAsync(PortalClient client) => Options(await client.GetPageAsync("/Nominations"), "category");

    private static List<string> Options(IHtmlDocument page, string select) =>
        page.QuerySelectorAll($"select#{select} option").Select(o => PortalClient.Text(o)).ToList();

    private static string? SelectedCycle(IHtmlDocument page) =>
        page.QuerySelector<IHtmlSelectElement>("select#cycle") is { SelectedOptions.Length: > 0 } select ? select.SelectedOptions[0].Value : null;

    /// <summary>Loads /Nominations until <paramref name="shows"/> holds, failing after <see cref="Deadline"/>.</summary>
    private static async Task<IHtmlDocument> PollAsync(PortalClient client, Func<IHtmlDocument, bool> shows)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var page = await client.GetPageAsync("/Nominations");
            if (shows(page))
            {
                return page;
            }

            if (DateTime.UtcNow > until)
            {
                throw new ShouldAssertException($"The other instance did not show the change within {Deadline.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    private async Task NotifyAsync(string payload)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_notify('{ReferenceData.Channel}', @p)", connection);
        command.Parameters.AddWithValue("p", payload);
        await command.ExecuteNonQueryAsync();
    }

    private static Heard Listen(PortalFactory host) => new(host.Services.GetRequiredService<PostgresNotifications>());

    /// <summary>The reference notifications an instance receives, in order.</summary>
    private sealed class Heard : IAsyncDisposable
    {
        private readonly PostgresNotifications _notifications;
        private readonly Channel<string> _payloads = Channel.CreateUnbounded<string>();

        public Heard(PostgresNotifications notifications)
        {
            _notifications = notifications;
            notifications.Received += OnReceived;
        }

        private void OnReceived(string channel, string payload)
        {
            if (channel == ReferenceData.Channel)
            {
                _payloads.Writer.TryWrite(payload);
            }
        }

        public async Task<string> NextAsync()
        {
            using var deadline = new CancellationTokenSource(Deadline);
            return await _payloads.Reader.ReadAsync(deadline.Token);
        }

        public ValueTask DisposeAsync()
        {
            _notifications.Received -= OnReceived;
            return ValueTask.CompletedTask;
        }
    }
}
