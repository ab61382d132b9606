using System.Collections.Concurrent;
using System.Data.Common;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Web.Data;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Performance;

/// <summary>
/// The exact number of SQL commands a signed-in GET of the two hot pages sends (docs/benchmarks.md,
/// "Speed of the hot pages"; docs/decisions/020). A page that starts to send one more query per
/// request (a lookup in a loop, a lost cache, the count the pipeline already gives) fails here,
/// whatever the machine's speed: nothing is timed. Counted by a DbCommandInterceptor on the portal's
/// DbContext, for the commands of the one request that carries the test's marker header.
/// </summary>
public class QueryCountTests(QueryCountTests.Fixture portal) : IClassFixture<QueryCountTests.Fixture>
{
    private const string Chair = "ketua.bali@paritrana.demo";

    [Fact]
    public async Task The_chairs_nominations_list_sends_two_commands_once_the_reference_data_and_the_session_are_held()
    {
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);
        await portal.ListeningAsync();
        portal.Factory.Services.GetRequiredService<ReferenceData>().Drop();

        var (_, first) = await portal.CountAsync(chair, "/Nominations");
        var (page, commands) = await portal.CountAsync(chair, "/Nominations");

        page.QuerySelectorAll("[data-testid=nomination-row]").Length.ShouldBeGreaterThan(0);
        // The first request reads the reference data (docs/decisions/032): the cycles and the filters'
        // categories, regencies and branch offices, four commands the next requests do not send; and
        // the session check, which also counts the bell's open notifications (docs/decisions/030).
        first.Count.ShouldBe(7, string.Join("\n---\n", first));
        first.ShouldContain(c => c.Contains("FROM user_sessions"));
        // The session is held too (docs/decisions/048): the pipeline's counts (which also give the
        // list's total); the page of rows.
        commands.Count.ShouldBe(2, string.Join("\n---\n", commands));
        commands.ShouldNotContain(c => c.Contains("FROM user_sessions"));
    }

    [Fact]
    public async Task The_ranking_sends_the_same_number_of_commands_on_every_request()
    {
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);

        await portal.ListeningAsync();
        _ = await portal.CountAsync(chair, "/Scoring/Ranking");
        var (page, first) = await portal.CountAsync(chair, "/Scoring/Ranking");
        var (_, second) = await portal.CountAsync(chair, "/Scoring/Ranking");

        page.QuerySelectorAll("[data-testid=ranking-row]").Length.ShouldBeGreaterThan(0);
        page.QuerySelectorAll("[data-testid=breakdown]").Length.ShouldBeGreaterThan(0);
        // The session is held (docs/decisions/048); ScoreBoard (the viewer's assignments and conflicts, rounds,
        // nominations, card totals without the conflicted cards, the chair's reasons) and
        // ScoreBreakdown (the cards' scores, the indicators); the cycles, categories and settings
        // are held (docs/decisions/032).
        first.Count.ShouldBe(RankingCommands, string.Join("\n---\n", first));
        second.Count.ShouldBe(RankingCommands, string.Join("\n---\n", second));
    }

    [Fact]
    public async Task The_chairs_home_page_sends_the_same_commands_on_every_request_and_none_for_reference_data()
    {
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(Chair);
        await portal.ListeningAsync();
        _ = await portal.CountAsync(chair, "/");
        var (page, commands) = await portal.CountAsync(chair, "/");

        page.QuerySelector("[data-testid=stage]").ShouldNotBeNull();
        commands.Count.ShouldBe(HomeCommands, string.Join("\n---\n", commands));
        // The stage dates, provinces and regencies come from the instance's copy (docs/decisions/032).
        commands.ShouldNotContain(c => c.Contains("cycle_stages") || c.Contains("province_stages") || c.Contains("FROM provinces") || c.Contains("FROM regencies_and_cities"));
    }

    [Fact]
    public async Task The_country_overview_sends_one_command_whatever_the_number_of_provinces()
    {
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync("admin@paritrana.demo");
        await portal.ListeningAsync();
        _ = await portal.CountAsync(admin, "/National/Country");
        var (page, commands) = await portal.CountAsync(admin, "/National/Country");

        page.QuerySelectorAll("[data-testid=province]").Length.ShouldBe(38);
        // The cycle's nominations grouped by province, category and status
        // (Features/National/CountryOverview); provinces, categories and stage dates are the
        // instance's copy (docs/decisions/032), the session the instance's row (docs/decisions/048).
        commands.Count.ShouldBe(1, string.Join("\n---\n", commands));
        commands[^1].ShouldContain("GROUP BY");
    }

    // The session is held (docs/decisions/048); the open rounds' assignments and cards counted per
    // scorer, less what conflict declarations take out (counted from their side, WorkQueries.CardCountsAsync),
    // and the outstanding scorers' names; nominations waiting for a step; returned ones; open coaching
    // items; unrecorded and upcoming visits (Features/Work/WorkList).
    private const int HomeCommands = 9;

    private const int RankingCommands = 8;

    /// <summary>The commands of the requests that carry <see cref="Header"/>, by its value.</summary>
    public sealed class CommandCounter : DbCommandInterceptor
    {
        public const string Header = "X-Test-Query-Count";

        // The same static AsyncLocal as the portal's own accessor: the current request, if any.
        private readonly HttpContextAccessor _http = new();

        public ConcurrentDictionary<string, ConcurrentQueue<string>> ByMarker { get; } = new();

        private void Record(DbCommand command)
        {
            if (_http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } marker)
            {
                ByMarker.GetOrAdd(marker, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class CountingPortalFactory(string database, CommandCounter counter) : PortalFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.ConfigureDbContext<ParitranaDbContext>(o => o.AddInterceptors(counter), ServiceLifetime.Singleton));
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private CountingPortalFactory? _factory;

        public CommandCounter Counter { get; } = new();

        public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

        /// <summary>GETs a page (must answer 200) with a fresh marker and returns the commands its request sent.</summary>
        public async Task<(IHtmlDocument Page, IReadOnlyList<string> Commands)> CountAsync(PortalClient client, string url)
        {
            var marker = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Add(CommandCounter.Header, marker);
            using var response = await client.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            var commands = Counter.ByMarker.TryGetValue(marker, out var queue) ? queue.ToList() : [];
            return (await PortalClient.ParseAsync(body), commands);
        }

        public Task ListeningAsync() => PortalHosts.ListeningAsync(Factory.Services);

        public async Task InitializeAsync()
        {
            var database = await TestDatabase.CreateAsync("t");
            _factory = new CountingPortalFactory(database, Counter);
            _ = _factory.Server;
        }

        public async Task DisposeAsync()
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
                await TestDatabase.DropAsync(_factory.Database);
            }
        }
    }
}
