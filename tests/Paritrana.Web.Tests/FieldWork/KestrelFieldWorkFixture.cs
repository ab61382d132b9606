using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// <see cref="FieldWorkFixture"/> served by Kestrel on a free loopback port, with clients that speak
/// HTTP over a socket: for what the in-memory test server does not do as a real server does
/// (request body limits, chunked bodies, a connection closed on a body it will not read).
/// </summary>
public sealed class KestrelFieldWorkFixture : FieldWorkFixture
{
    protected override PortalFactory CreateFactory(string database, Dictionary<string, string?> settings)
    {
        var factory = base.CreateFactory(database, settings);
        factory.UseKestrel(0);
        return factory;
    }

    public override PortalClient CreateClient()
    {
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        return new PortalClient(new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) });
    }
}
