namespace Paritrana.Web.Tests.Operations;

/// <summary>
/// Behind the balancer (scripts/cluster.sh) every response names the instance that answered, in
/// X-Paritrana-Instance, when Cluster:InstanceName is set; without the setting no such header is sent.
/// </summary>
public sealed class InstanceHeaderTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("instance");

    public async Task DisposeAsync() => await TestDatabase.DropAsync(_database);

    private static readonly string[] Paths = ["/Account/Login", "/health/ready", "/Nominations", "/no-such-page", "/css/site.css"];

    [Fact]
    public async Task With_an_instance_name_every_kind_of_response_carries_it()
    {
        await using var factory = new PortalFactory(_database, settings: new Dictionary<string, string?> { ["Cluster:InstanceName"] = "web2" });
        using var client = factory.CreatePortalClient();
        var statuses = new List<int>();
        foreach (var path in Paths)
        {
            if (path == "/no-such-page")
            {
                await client.SignedInAsAsync("admin@paritrana.demo"); // anonymous, it would be a redirect to sign in
            }

            using var response = await client.GetAsync(path);
            statuses.Add((int)response.StatusCode);
            response.Headers.GetValues("X-Paritrana-Instance").ShouldBe(["web2"], path);
        }

        // A page, a health check, a redirect to the sign-in page, the error page, a static file.
        statuses.ShouldBe([200, 200, 302, 404, 200]);
    }

    [Fact]
    public async Task Without_the_setting_no_response_names_an_instance()
    {
        await using var factory = new PortalFactory(_database);
        using var client = factory.CreatePortalClient();
        foreach (var path in Paths)
        {
            using var response = await client.GetAsync(path);
            response.Headers.Contains("X-Paritrana-Instance").ShouldBeFalse(path);
        }
    }
}
