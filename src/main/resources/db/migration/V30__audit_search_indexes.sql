-- Audit screen (issue 3, item 7): the trail grows to millions of rows and is read newest first, by keyset
-- (occurred_at, id). Every index ends with (occurred_at desc, id desc) so that each filter — none, a region, a
-- district, an actor, a subject — walks an index in the order of the page and stops after one page of rows.
-- A region or district is matched by equality on a stored prefix of the KATO code, not by LIKE on the code: under
-- row-level security only leakproof conditions (= on text is, LIKE is not) may drive an index scan.
alter table audit_event
    add column region_prefix   text collate "C" generated always as (left(kato, 2)) stored,
    add column district_prefix text collate "C" generated always as (left(kato, 4)) stored;
drop index audit_event_time;
drop index audit_event_kato;
drop index audit_event_subject;
create index audit_event_newest on audit_event (occurred_at desc, id desc);
create index audit_event_region_newest on audit_event (region_prefix, occurred_at desc, id desc);
create index audit_event_district_newest on audit_event (district_prefix, occurred_at desc, id desc);
create index audit_event_actor_newest on audit_event (actor, occurred_at desc, id desc);
create index audit_event_subject_newest on audit_event (subject_type, subject_id, occurred_at desc, id desc);
