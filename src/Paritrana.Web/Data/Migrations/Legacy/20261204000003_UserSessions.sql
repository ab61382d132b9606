-- 20261204000003_UserSessions: sessions known to the server (issue 11, docs/decisions/012-server-side-sessions.md).
-- The auth cookie carries the session id; every request reads its row by primary key. Signing out,
-- a password change, the administrator's changes to an account, and the idle and absolute
-- lifetimes end a session here, so a copied or old cookie is refused.

CREATE TABLE user_sessions (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    ended_reason character varying(30),
    client_address character varying(64),
    user_agent character varying(300),
    CONSTRAINT pk_user_sessions PRIMARY KEY (id),
    CONSTRAINT fk_user_sessions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- "End every open session of this user" (logout elsewhere, password change, account changes).
CREATE INDEX ix_user_sessions_user_id ON user_sessions (user_id) WHERE ended_at IS NULL;
