-- SC-2, SC-3: users, their role and territory scope, API tokens for machine clients.
create table app_user
(
    id              bigint generated always as identity primary key,
    username        text collate "C" not null unique check (username ~ '^[a-z0-9._-]{3,64}$'),
    password_hash   text             not null,
    full_name       text             not null check (full_name <> ''),
    role            text             not null check (role in ('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER',
                                                              'ORGANISATION_ADMIN', 'POLICE_LIAISON',
                                                              'STATISTICS_ANALYST', 'CONTACT_CENTRE', 'APPLICANT')),
    scope_kato      text collate "C" references territory (kato),
    organisation_id bigint references organisation (id),
    -- the territory the user belongs to, '' for national users: what scope and row-level security compare
    kato            text collate "C" not null default '',
    locale          text             not null default 'kk' check (locale in ('kk', 'ru', 'en')),
    enabled         boolean          not null default true,
    created_at      timestamptz      not null default now(),
    check (role not in ('REGION_OFFICER', 'DISTRICT_OFFICER', 'POLICE_LIAISON') or scope_kato is not null),
    check (role <> 'ORGANISATION_ADMIN' or organisation_id is not null)
);
create index app_user_kato on app_user (kato);

create table api_token
(
    id           bigint generated always as identity primary key,
    user_id      bigint           not null references app_user (id) on delete cascade,
    name         text             not null,
    token_hash   text collate "C" not null unique, -- SHA-256 of the secret; the secret itself is shown once
    kato         text collate "C" not null default '',
    created_at   timestamptz      not null default now(),
    expires_at   timestamptz      not null,
    last_used_at timestamptz,
    revoked      boolean          not null default false
);

alter table app_user enable row level security;
alter table api_token enable row level security;
create policy app_user_scope on app_user using (bilim_in_scope(kato, organisation_id));
create policy api_token_scope on api_token using (bilim_in_scope(kato, null));
