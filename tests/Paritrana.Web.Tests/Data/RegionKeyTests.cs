using Npgsql;

namespace Paritrana.Web.Tests.Data;

/// <summary>
/// The regency or city of an organisation and of a nomination must lie in its province: one
/// composite foreign key (province_code, regency_code) → regencies_and_cities (province_code, code)
/// (migration CompositeRegionKey, docs/decisions/033). Before it, any existing regency code passed,
/// whatever the province. Checked on the migrated database with the demo data, by plain SQL, so
/// the database refuses what no page or import should ever write.
/// </summary>
public class RegionKeyTests : IAsyncLifetime
{
    private string _db = "";

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync("regionkey");

    public async Task DisposeAsync() => await TestDatabase.DropAsync(_db);

    [Theory]
    [InlineData("organisations", "type = 2", "fk_organisations_regencies_and_cities_province_code_regency_co~")]
    [InlineData("nominations", "true", "fk_nominations_regencies_and_cities_province_code_regency_code")]
    public async Task A_regency_of_another_province_is_refused_by_the_database_and_one_of_the_same_province_accepted(string table, string which, string constraint)
    {
        var id = await TestDatabase.ScalarAsync<int>(_db, $"SELECT min(id) FROM {table} WHERE {which} AND province_code = '51' AND regency_code IS NOT NULL");
        id.ShouldBeGreaterThan(0, $"the demo data has {table} in Bali");

        // 52.01 (Lombok Barat) exists, but in Nusa Tenggara Barat, not in Bali.
        var refused = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync($"UPDATE {table} SET regency_code = '52.01' WHERE id = {id}"));
        refused.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
        refused.ConstraintName.ShouldBe(constraint);

        // Moving the province alone away from its regency is refused too.
        var moved = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync($"UPDATE {table} SET province_code = '52' WHERE id = {id}"));
        moved.ConstraintName.ShouldBe(constraint);

        // 51.08 (Buleleng) lies in Bali.
        (await ExecuteAsync($"UPDATE {table} SET regency_code = '51.08' WHERE id = {id}")).ShouldBe(1);
        (await TestDatabase.ScalarAsync<string>(_db, $"SELECT province_code || ' ' || regency_code FROM {table} WHERE id = {id}")).ShouldBe("51 51.08");
    }

    private async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(_db));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
