-- Sessions follow the account (issue 7): a signed-in session is valid only while the account's session version is
-- the one it signed in with. Changing the password, disabling the account or changing its role, territory or
-- organisation raises the version, which ends every other session of the account at its next request.
alter table app_user add column session_version integer not null default 0;
