using System.Security.Cryptography;
using Paritrana.Domain.FieldWork;
using Paritrana.Web.Tests.FieldWork;

namespace Paritrana.Web.Tests.Instances;

/// <summary>
/// Two portal instances on one database, one browser in front of both (docs/decisions/018): what one
/// instance issues (cookies, antiforgery tokens, stored files) the other accepts and serves.
/// </summary>
[Collection(AloneCollection.Name)]
public class SeveralInstancesTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private readonly FieldWorkTestData _data = new(fixture);

    [Fact]
    public async Task A_cookie_and_an_antiforgery_form_of_one_instance_are_accepted_by_the_other()
    {
        using var client = fixture.CreateClient();
        fixture.Hosts.Alternate = false;
        fixture.Hosts.Target = 0;
        using (var signIn = await client.SignInAsync(FieldWorkTestData.BaliChair))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            signIn.Headers.Location!.OriginalString.ShouldBe("/");
        }

        (await _data.CountAsync("SELECT count(*) FROM data_protection_keys")).ShouldBe(1);

        // The session cookie of the first instance, read by the second.
        fixture.Hosts.Target = 1;
        var home = await client.GetPageAsync("/");
        PortalClient.Text(home.QuerySelector("#accountMenu")).ShouldBe(FieldWorkTestData.BaliChairName);

        // A form rendered by the second instance, posted to the first: signing out ends the session.
        var page = await client.GetPageAsync("/");
        fixture.Hosts.Target = 0;
        using var logout = await client.SubmitFormAsync(page, "/", "form[action='/Account/Logout']", new Dictionary<string, string>());
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        logout.Headers.Location!.OriginalString.ShouldBe("/Account/Login");

        // The session ended on the first instance is ended for the second too.
        fixture.Hosts.Target = 1;
        using var after = await client.GetAsync("/");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task Requests_spread_over_both_instances_never_lose_the_sign_in()
    {
        using var client = fixture.CreateClient();
        fixture.Hosts.Alternate = true;
        try
        {
            await client.SignedInAsAsync(FieldWorkTestData.BaliMember);
            var before = fixture.Hosts.Served.ToArray();
            for (var i = 0; i < 10; i++)
            {
                using var response = await client.GetAsync("/Nominations");
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            (fixture.Hosts.Served[0] - before[0]).ShouldBe(5);
            (fixture.Hosts.Served[1] - before[1]).ShouldBe(5);
        }
        finally
        {
            fixture.Hosts.Alternate = false;
        }
    }

    [Fact]
    public async Task A_file_uploaded_through_one_instance_downloads_through_the_other_byte_for_byte_without_being_held_in_memory()
    {
        const int size = 20 * 1024 * 1024;
        var content = new byte[size];
        new Random(18).NextBytes(content);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        png.CopyTo(content, 0);
        var nomination = await _data.NominationAsync("51.71");
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done);

        using var client = fixture.CreateClient();
        fixture.Hosts.Alternate = false;
        fixture.Hosts.Target = 0;
        await client.SignedInAsAsync(FieldWorkTestData.BaliChair);
        using (var uploaded = await FieldWorkTestData.UploadAsync(client, $"/FieldWork/Files/Upload?nomination={nomination.Id}&visit={visit}", content, "foto besar.png", "image/png"))
        {
            uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var id = await _data.ScalarAsync<Guid>("SELECT id FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id));
        (await _data.CountAsync("SELECT count(*) FROM stored_file_chunks WHERE file_id = @id", ("id", id))).ShouldBe(20);

        fixture.Hosts.Target = 1;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long received = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using (var response = await client.Http.GetAsync(new Uri($"/FieldWork/Files/Download/{id}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var body = await response.Content.ReadAsStreamAsync();
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                received += n;
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        received.ShouldBe(size);
        Convert.ToHexStringLower(hash.GetHashAndReset()).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        // Everything the process allocated while serving (and reading) 20 MB: a few chunk-sized
        // buffers at most, never the file.
        allocated.ShouldBeLessThan(6L * 1024 * 1024, $"allocated {allocated:N0} bytes for a {size:N0}-byte download");
    }
}
