-- A login whose account is closed: its owner is refused (403 account-closed) until the account is
-- reopened. Written by the command side in the transaction of AccountClosed and AccountReopened;
-- no account was closed before this column existed.
ALTER TABLE credentials.account_login ADD COLUMN closed BOOLEAN NOT NULL DEFAULT false;
