-- TR-2, TR-17: a child linked to its parent (legal representative) in the registry by the parent's IIN, so that a
-- parent signed in by IIN sees their own children and applies for them. The parent need not be a person of the
-- registry (adults are not): the link holds the IIN only. Personal data: read only where the child is readable (the
-- parent's own reads are system runs filtered by the signed-in IIN).
create table person_parent
(
    person_id  bigint           not null references person (id) on delete cascade,
    parent_iin text collate "C" not null check (parent_iin ~ '^[0-9]{12}$'),
    primary key (parent_iin, person_id)
);
create index person_parent_person on person_parent (person_id);

alter table person_parent enable row level security;
create policy person_parent_read on person_parent
    using (bilim_pii_allowed() and exists (select 1 from person p where p.id = person_parent.person_id));
