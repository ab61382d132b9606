using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReminderWorkKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only (docs/decisions/045). Reminders made before OutboxWorkKey have no work key, so
            // nothing settled them: each is given the key the sweep gives it now, read from its
            // once-only key ("Kind:thing:date:person"), and its mail still unsent the same key: the
            // mail queued with it by the same sweep, to the same person, naming the same thing and
            // with the reminder's page as its link (a mail without a link, Portal:PublicUrl unset,
            // cannot be told apart and is left to be sent).
            migrationBuilder.Sql("""
                WITH keyed AS (
                    UPDATE notifications n
                    SET work_key = CASE
                        WHEN n.kind IN ('CoachingDueTomorrow', 'CoachingOverdue') THEN 'coaching:' || split_part(n.reminder_key, ':', 2)
                        WHEN n.kind = 'VisitTomorrow' THEN 'visit:' || split_part(n.reminder_key, ':', 2)
                        ELSE 'round:' || split_part(n.reminder_key, ':', 2) || ':' || split_part(n.reminder_key, ':', 4)
                    END
                    WHERE n.work_key IS NULL AND n.reminder_key IS NOT NULL
                      AND n.kind IN ('CoachingDueTomorrow', 'CoachingOverdue', 'VisitTomorrow', 'RoundClosingSoon')
                    RETURNING n.user_id, n.subject, n.link, n.created_at, n.work_key
                )
                UPDATE outbox_mails m
                SET work_key = k.work_key
                FROM keyed k JOIN users u ON u.id = k.user_id
                WHERE m.work_key IS NULL AND m.sent_at IS NULL AND m.cancelled_at IS NULL
                  AND m.recipient = u.email
                  AND m.created_at >= k.created_at AND m.created_at < k.created_at + interval '10 minutes'
                  AND strpos(m.subject, k.subject) > 0
                  AND strpos(m.text_body, k.link || E'\r\n\r\n') > 0;
                """);

            // Those whose work was done before they had a key are settled now, their mails cancelled:
            // an item resolved or waived, a visit no longer planned, a withdrawn nomination, a round
            // closed or with no card of the person's left to send (what the portal now settles them by).
            migrationBuilder.Sql("""
                WITH done AS (
                    SELECT DISTINCT n.work_key FROM notifications n
                    WHERE n.settled_at IS NULL AND n.reminder_key IS NOT NULL AND (
                        (n.kind IN ('CoachingDueTomorrow', 'CoachingOverdue') AND NOT EXISTS (
                            SELECT 1 FROM coaching_items c JOIN nominations x ON x.id = c.nomination_id
                            WHERE c.id = split_part(n.work_key, ':', 2)::int AND c.status IN (1, 2) AND x.status <> 13))
                        OR (n.kind = 'VisitTomorrow' AND NOT EXISTS (
                            SELECT 1 FROM visits v JOIN nominations x ON x.id = v.nomination_id
                            WHERE v.id = split_part(n.work_key, ':', 2)::int AND v.status = 1 AND x.status <> 13))
                        OR (n.kind = 'RoundClosingSoon' AND NOT EXISTS (
                            SELECT 1 FROM assignments a JOIN scoring_rounds r ON r.id = a.round_id
                            WHERE r.id = split_part(n.work_key, ':', 2)::int AND a.scorer_id = split_part(n.work_key, ':', 3)::uuid AND r.status = 2
                              AND NOT EXISTS (SELECT 1 FROM scorecards s WHERE s.round_id = a.round_id AND s.nomination_id = a.nomination_id AND s.scorer_id = a.scorer_id AND s.status = 2)
                              AND NOT EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.nomination_id = a.nomination_id AND d.scorer_id = a.scorer_id)))
                    )
                ),
                settled AS (
                    UPDATE notifications n SET settled_at = now()
                    FROM done WHERE n.work_key = done.work_key AND n.settled_at IS NULL
                    RETURNING n.id
                )
                UPDATE outbox_mails m SET cancelled_at = now()
                FROM done WHERE m.work_key = done.work_key AND m.sent_at IS NULL AND m.cancelled_at IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: a work key on an old reminder is what the portal would have given it.
        }
    }
}
