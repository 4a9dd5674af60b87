-- Audit trail: every change and every read of personal data, with reader, purpose and time.
-- Anyone may append; reading is scoped like the records it describes; nobody updates or deletes.
create table audit_event
(
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz      not null default now(),
    actor           text             not null,
    actor_role      text             not null,
    action          text             not null check (action in ('READ', 'CREATE', 'UPDATE', 'DELETE', 'LOGIN',
                                                                 'LOGIN_FAILED', 'EXPORT', 'IMPORT')),
    subject_type    text             not null,
    subject_id      text,
    kato            text collate "C" not null default '',
    organisation_id bigint,
    purpose         text,
    details         jsonb
);
create index audit_event_time on audit_event (occurred_at desc);
create index audit_event_kato on audit_event (kato);
create index audit_event_subject on audit_event (subject_type, subject_id);

alter table audit_event enable row level security;
create policy audit_event_read on audit_event for select using (bilim_in_scope(kato, organisation_id));
create policy audit_event_append on audit_event for insert with check (true);
revoke update, delete on audit_event from bilim_app;
