-- SC-3 (3): an API token is scoped like its user. A token of an organisation administrator lies in the
-- organisation, so the row-level security policy compares the organisation too (V5 compared the territory only,
-- which hid an organisation administrator's own tokens from them).
alter table api_token add column organisation_id bigint references organisation (id);
drop policy api_token_scope on api_token;
create policy api_token_scope on api_token using (bilim_in_scope(kato, organisation_id));
create index api_token_user on api_token (user_id, created_at desc);
