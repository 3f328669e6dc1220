-- Which account each login belongs to: the identity provider's subject (its "sub") of the user,
-- bound once when the account is registered, never moved. Written by the command side in the
-- transaction of AccountRegistered, so the primary key refuses the second of two registrations
-- racing for one subject; both applications read it to decide who owns an account.
CREATE TABLE credentials.account_login (
    subject    TEXT NOT NULL PRIMARY KEY,
    account_id UUID NOT NULL UNIQUE
);

-- Accounts registered before logins existed: their login is their own id, which is what
-- ownership meant when they were registered (revision 1 payloads, JSON in bytea).
INSERT INTO credentials.account_login (subject, account_id)
SELECT coalesce(payload ->> 'subject', payload ->> 'accountId'), (payload ->> 'accountId')::uuid
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS payload
      FROM eventstore.domain_event_entry
      WHERE payload_type = 'com.eoc.accounts.events.AccountRegistered') registered
ON CONFLICT DO NOTHING;
