using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// No stack trace or exception detail ever reaches a user: an unhandled exception thrown inside the
/// portal's pipeline (on GET and on POST, in Production and in Development, where ASP.NET Core would
/// otherwise show its developer exception page) answers the friendly error page with a reference only.
/// </summary>
public class ErrorDetailTests : IAsyncLifetime
{
    private const string Secret = "detail-that-must-stay-in-the-log-7f3a";
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("errors");

    public async Task DisposeAsync() => await TestDatabase.DropAsync(_database);

    [Theory]
    [InlineData("Production", "GET")]
    [InlineData("Production", "POST")]
    [InlineData("Development", "GET")]
    public async Task An_unhandled_exception_shows_the_friendly_page_and_no_detail(string environment, string method)
    {
        await using var factory = new ThrowingPortalFactory(_database, environment);
        using var client = factory.CreatePortalClient(https: true, host: "paritrana.test");
        (await client.SignInAsync("ketua.bali@paritrana.demo")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = method == "GET"
            ? await client.GetAsync(ThrowingPortalFactory.Path)
            : await client.Http.PostAsync(new Uri(ThrowingPortalFactory.Path, UriKind.Relative), new FormUrlEncodedContent([new("x", "1")]));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        var page = await PortalClient.ParseAsync(body);
        PortalClient.Text(page.QuerySelector("h1")).ShouldBe("Terjadi kesalahan");
        PortalClient.Text(page.QuerySelector("main")).ShouldContain("Maaf, terjadi kesalahan pada portal. Coba lagi; jika terulang, laporkan kode rujukan di bawah ini kepada administrator.");
        body.ShouldNotContain(Secret);
        body.ShouldNotContain(nameof(InvalidOperationException));
        body.ShouldNotContain("ThrowingPortalFactory");
        body.ShouldNotContain(" at Microsoft.");
        body.ShouldNotContain("Stack", Case.Insensitive);
    }

    /// <summary>The portal with one extra middleware, inside its pipeline, that throws on one path.</summary>
    private sealed class ThrowingPortalFactory(string database, string environment) : PortalFactory(database, environment)
    {
        public const string Path = "/test/throws";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingFilter>());
        }
    }

    /// <summary>Runs after the portal's own pipeline is built, so the throwing step sits behind its exception handler.</summary>
    private sealed class ThrowingFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path == ThrowingPortalFactory.Path
                ? throw new InvalidOperationException(Secret)
                : following(context));
        };
    }
}
