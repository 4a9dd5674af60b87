-- Organisation registry lists (issue 3, item 6): name search anywhere in the kk or ru name and filters by kind,
-- ownership and language must stay fast for ~20,000 organisations and ~170,000 classes.
create extension if not exists pg_trgm;

create index organisation_name_trgm on organisation using gin (lower(name_kk || ' ' || name_ru) gin_trgm_ops);
create index organisation_languages on organisation using gin (languages);
create index school_class_organisation on school_class (organisation_id, academic_year, grade, letter);
create index school_class_year_kato on school_class (academic_year, kato);
