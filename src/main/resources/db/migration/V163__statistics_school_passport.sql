-- SC-5 (issue 13): what the accepted school passport (collection form SCHOOL-PASSPORT, EIS-4) of the snapshot's
-- school year says about an organisation, frozen with the snapshot: computers for teaching, of them with internet,
-- the school camp, design places, buildings and those in emergency state, classes with deep study of subjects.
-- Null: no accepted passport of that year (the organisation counts nowhere in these indicators). Organisations'
-- figures only, no person.
alter table stat_organisation
    add column computers           integer,
    add column computers_internet  integer,
    add column camp                boolean,
    add column camp_places         integer,
    add column places              integer,
    add column buildings           integer,
    add column buildings_emergency integer,
    add column deep_study_classes  integer;
