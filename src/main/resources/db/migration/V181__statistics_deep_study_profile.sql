-- SC-5 indicator 6 (issue 13): the school passport's answer "the school is specialised in deep study of subjects"
-- (field deep_study_profile, yes/no), frozen with the snapshot. Null: no accepted passport of that year or the
-- question left unanswered (the school counts nowhere in indicator 6). An organisation's fact, no person.
alter table stat_organisation add column deep_study_profile boolean;
