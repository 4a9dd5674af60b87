-- Audit screen (issue 3, item 7): the trail grows to millions of rows and is read newest first, by keyset
-- (occurred_at, id). Every index ends with (occurred_at desc, id desc) so that each filter — none, a territory
-- subtree, an actor, a subject — walks an index in the order of the page and stops after one page of rows.
drop index audit_event_time;
drop index audit_event_kato;
drop index audit_event_subject;
create index audit_event_newest on audit_event (occurred_at desc, id desc);
create index audit_event_kato_newest on audit_event (kato, occurred_at desc, id desc);
create index audit_event_actor_newest on audit_event (actor, occurred_at desc, id desc);
create index audit_event_subject_newest on audit_event (subject_type, subject_id, occurred_at desc, id desc);
