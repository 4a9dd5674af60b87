-- CA-3 (2), (5) (issue 9): a child of school age not subject to schooling for health reasons, recorded by the district
-- education office with its ground and document (the conclusion of the medical commission). child.exempt is kept as
-- the flag the lists read; this table says why, by whom and since when. Personal data: row-level security by the
-- child's residence.
create table child_exemption
(
    id          bigint generated always as identity primary key,
    child_id    bigint           not null references child (id),
    kato        text collate "C" not null, -- the child's residence when recorded
    ground      text collate "C" not null check (ground in ('HEALTH', 'DISABILITY')),
    document    text             not null check (document <> '' and length(document) <= 200),
    issued_on   date             not null,
    recorded_by text             not null,
    recorded_at timestamptz      not null default now(),
    ended_at    timestamptz,
    ended_by    text
);
create unique index child_exemption_current on child_exemption (child_id) where ended_at is null;

alter table child_exemption enable row level security;
create policy child_exemption_scope on child_exemption
    using (bilim_pii_allowed() and bilim_in_scope(kato, null));
