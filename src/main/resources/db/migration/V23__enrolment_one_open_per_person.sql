-- TR-7 "never in two organisations at once", kept at national scale.
-- The GiST exclusion constraint of V4 over 5 M enrolments costs about 100 s to re-create after a bulk load (it builds
-- the index, then checks every row under an exclusive lock) and makes every admission pay a GiST insert.
-- What the database now guarantees by itself, also under concurrency: at most one OPEN enrolment per person (a unique
-- partial B-tree index). Overlaps with CLOSED periods (a back-dated admission) are refused by the enrolment service,
-- which checks the person's periods under a per-person advisory lock (EnrolmentDesk), so two admissions of one person
-- cannot pass the check side by side.
alter table enrolment drop constraint enrolment_no_overlap;
create unique index enrolment_one_open on enrolment (person_id) where enrolled_to is null;
