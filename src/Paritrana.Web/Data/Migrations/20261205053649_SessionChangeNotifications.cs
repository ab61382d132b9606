using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // docs/decisions/048: every change of a row the session check reads (the session, its
            // account, the person's notifications for the bell) announces the person's id on
            // paritrana_sessions, in the transaction that makes it, so that every instance drops the
            // session rows it holds (Accounts/SessionCache) when, and only when, the change commits.
            migrationBuilder.Sql("""
                CREATE FUNCTION paritrana_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM pg_notify('paritrana_sessions', (to_jsonb(OLD) ->> TG_ARGV[0]));
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM pg_notify('paritrana_sessions', (to_jsonb(NEW) ->> TG_ARGV[0]));
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER users_session_changed AFTER UPDATE OR DELETE ON users
                    FOR EACH ROW EXECUTE FUNCTION paritrana_session_changed('id');
                CREATE TRIGGER user_sessions_session_changed AFTER UPDATE OR DELETE ON user_sessions
                    FOR EACH ROW EXECUTE FUNCTION paritrana_session_changed('user_id');
                CREATE TRIGGER notifications_session_changed AFTER INSERT OR UPDATE OR DELETE ON notifications
                    FOR EACH ROW EXECUTE FUNCTION paritrana_session_changed('user_id');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER notifications_session_changed ON notifications;
                DROP TRIGGER user_sessions_session_changed ON user_sessions;
                DROP TRIGGER users_session_changed ON users;
                DROP FUNCTION paritrana_session_changed();
                """);
        }
    }
}
