-- CA-2 (issue 9, item 3): one record per child. The review queue of the records that may be one child and that the
-- set-based linkage could not join by itself (docs/child.md, "Review queue"):
--   AMBIGUOUS_MATCH: a row without IIN fitted several children by folded name, birth date and district, so it became
--                    a new child; the case holds it and the children it fitted;
--   IIN_LATER:       a row with an IIN became a new child while children without IIN of the same folded name, birth
--                    date and district were already recorded (the same child first recorded without IIN).
-- A district officer of the children's residence merges the records (the sources of both move to one; the other stays
-- as history, merged_into) or keeps them apart. Nothing is deleted. Personal data: row-level security by residence.

alter table child add column merged_into bigint references child (id);
alter table child add column merged_at timestamptz;
-- the children without IIN a later row with an IIN is compared with (few of the 6.8 M, so the probe is cheap)
create index child_no_iin on child (name_key, birth_date) where iin is null and merged_into is null;

create table child_review
(
    id          bigint generated always as identity primary key,
    child_id    bigint           not null references child (id), -- the record the linkage made (the new one)
    reason      text collate "C" not null check (reason in ('AMBIGUOUS_MATCH', 'IIN_LATER')),
    kato        text collate "C" not null, -- the child's residence when found: scope and row-level security
    source      text collate "C" not null, -- the source whose row made the record
    origin      text collate "C" not null,
    import_id   bigint,
    state       text collate "C" not null default 'OPEN' check (state in ('OPEN', 'MERGED', 'KEPT_APART')),
    survivor_id bigint references child (id), -- MERGED: the one record kept
    merged_id   bigint references child (id), -- MERGED: the record kept as history (child.merged_into = survivor)
    resolved_by text,
    resolved_at timestamptz,
    created_at  timestamptz      not null default now(),
    check ((state = 'OPEN') = (resolved_at is null)),
    check ((state = 'MERGED') = (survivor_id is not null and merged_id is not null))
);
create index child_review_queue on child_review (kato, id) where state = 'OPEN';
create index child_review_child on child_review (child_id);

create table child_review_candidate
(
    review_id bigint not null references child_review (id),
    child_id  bigint not null references child (id),
    primary key (review_id, child_id)
);
create index child_review_candidate_child on child_review_candidate (child_id);

alter table child_review enable row level security;
alter table child_review_candidate enable row level security;
create policy child_review_scope on child_review
    using (bilim_pii_allowed() and bilim_in_scope(kato, null));
create policy child_review_candidate_scope on child_review_candidate
    using (exists (select 1 from child_review r where r.id = child_review_candidate.review_id));

-- The kept counts of the nine lists (V170, later in version order: out of order on a fresh database) count every
-- record; the few merged ones (history, not children) are taken off when read (ChildRegistry), from this index.
create index child_merged on child (kato) where merged_into is not null;
