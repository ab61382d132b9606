using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditDetailsAsJson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The text details become their JSON form as the column becomes jsonb (docs/decisions/027).
            // This replaces the generated AlterColumn: Npgsql's has no USING clause, and PostgreSQL
            // casts no text to jsonb by itself ("cannot be cast automatically").
            // The field-work events, status changes and session ends, whose values the portal reads by
            // name, are parsed in their known "key: value; " form, the free text (a reason, a note, the
            // last value) taken whole; a part that is not "key: value" stays a text without a name.
            // A row is parsed only when the parsed values read back as exactly the old text; every
            // other row keeps its old text whole as one value without a name. So nothing is lost.
            migrationBuilder.Sql("""
                CREATE FUNCTION pg_temp.audit_details_json(action text, details text) RETURNS text
                LANGUAGE plpgsql IMMUTABLE AS $fn$
                DECLARE
                    free_key text := CASE action
                        WHEN 'visit.planned' THEN 'place'
                        WHEN 'file.uploaded' THEN 'name'
                        WHEN 'coaching.created' THEN 'finding'
                        WHEN 'coaching.resolved' THEN 'note'
                        WHEN 'visit.done' THEN NULL
                        WHEN 'coaching.started' THEN NULL
                        WHEN 'coaching.reopened' THEN NULL
                        WHEN 'auth.session-ended' THEN NULL
                        ELSE 'reason' END;
                    head text := details;
                    free text;
                    at integer;
                    part text;
                    m text[];
                    entries jsonb := '[]';
                    whole text := jsonb_build_array(jsonb_build_object('value', details))::text;
                BEGIN
                    IF details IS NULL THEN
                        RETURN NULL;
                    END IF;
                    IF action NOT IN ('visit.planned', 'visit.rescheduled', 'visit.done', 'visit.cancelled',
                                      'file.uploaded', 'file.removed', 'coaching.created', 'coaching.started',
                                      'coaching.resolved', 'coaching.waived', 'coaching.reopened',
                                      'nomination.status-changed', 'scorecard.reopened', 'auth.session-ended') THEN
                        RETURN whole;
                    END IF;
                    IF free_key IS NOT NULL THEN
                        IF starts_with(details, free_key || ': ') THEN
                            head := NULL;
                            free := substr(details, length(free_key) + 3);
                        ELSE
                            at := strpos(details, '; ' || free_key || ': ');
                            IF at > 0 THEN
                                head := left(details, at - 1);
                                free := substr(details, at + length(free_key) + 4);
                            END IF;
                        END IF;
                    END IF;
                    IF head IS NOT NULL THEN
                        FOREACH part IN ARRAY string_to_array(head, '; ') LOOP
                            m := regexp_match(part, '^([a-z][a-z0-9 ]*): (.*)$');
                            entries := entries || CASE WHEN m IS NULL
                                THEN jsonb_build_array(jsonb_build_object('value', part))
                                ELSE jsonb_build_array(jsonb_build_object('name', m[1], 'value', m[2])) END;
                        END LOOP;
                    END IF;
                    IF free IS NOT NULL THEN
                        entries := entries || jsonb_build_array(jsonb_build_object('name', free_key, 'value', free));
                    END IF;
                    IF (SELECT string_agg(coalesce(e->>'name' || ': ', '') || (e->>'value'), '; ' ORDER BY n)
                        FROM jsonb_array_elements(entries) WITH ORDINALITY AS x(e, n)) IS DISTINCT FROM details THEN
                        RETURN whole;
                    END IF;
                    RETURN entries::text;
                END
                $fn$;
                ALTER TABLE audit_events ALTER COLUMN details TYPE jsonb USING pg_temp.audit_details_json(action, details)::jsonb;
                DROP FUNCTION pg_temp.audit_details_json(text, text);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "details",
                table: "audit_events",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);

            // Back to the readable line the audit log shows ("name: value; value").
            migrationBuilder.Sql("""
                UPDATE audit_events SET details = (
                    SELECT coalesce(string_agg(coalesce(e->>'name' || ': ', '') || (e->>'value'), '; ' ORDER BY n), '')
                    FROM jsonb_array_elements(details::jsonb) WITH ORDINALITY AS x(e, n))
                WHERE details IS NOT NULL;
                """);
        }
    }
}
