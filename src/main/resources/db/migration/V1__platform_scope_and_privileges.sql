-- Security model (architecture.md): the application runs as role bilim_app, subject to row-level security.
-- Each connection carries the caller's scope in two settings that the access module sets on checkout:
--   bilim.scope = 'ALL' | 'KATO:<prefix>' | 'ORG:<organisation id>' | 'NONE'
--   bilim.pii   = 'on' when the caller's role may see personal data (never for statistics or the public)
grant usage on schema public to bilim_app;
alter default privileges in schema public grant select, insert, update, delete on tables to bilim_app;
alter default privileges in schema public grant usage, select on sequences to bilim_app;
alter default privileges in schema public grant execute on functions to bilim_app;

create function bilim_in_scope(row_kato text, row_organisation bigint) returns boolean
    language sql stable parallel safe as
$$
select case split_part(coalesce(current_setting('bilim.scope', true), ''), ':', 1)
           when 'ALL' then true
           when 'KATO' then starts_with(coalesce(row_kato, ''), split_part(current_setting('bilim.scope', true), ':', 2))
           when 'ORG' then row_organisation = nullif(split_part(current_setting('bilim.scope', true), ':', 2), '')::bigint
           else false
       end
$$;

create function bilim_pii_allowed() returns boolean
    language sql stable parallel safe as
$$
select coalesce(current_setting('bilim.pii', true), '') = 'on'
$$;
