-- MS-3, MS-7, MS-8: the support the minimum social standard guarantees a pupil, one entry per pupil, kind and school
-- year: free meals at school (MS-3) and a camp voucher (MS-7) for the categories of MS-3, and individual education at
-- home or in a hospital on the medical consultative commission's conclusion (MS-8). The pupil is named by the
-- enrolment (the enrolment module's id, checked through its API); kato and organisation are the school's, for scope.
create table standard_support
(
    id              bigint generated always as identity primary key,
    kind            text             not null check (kind in ('FREE_MEALS', 'CAMP_VOUCHER', 'HOME_SCHOOLING')),
    enrolment_id    bigint           not null,
    organisation_id bigint           not null,
    kato            text collate "C" not null,
    school_year     smallint         not null check (school_year between 2018 and 2030),
    category        text check (category in ('TARGETED_SOCIAL_ASSISTANCE', 'BELOW_SUBSISTENCE_MINIMUM', 'ORPHAN',
                                             'WITHOUT_PARENTAL_CARE', 'EMERGENCY', 'OTHER')),
    place           text check (place in ('HOME', 'HOSPITAL')),
    basis           text             not null check (length(basis) between 1 and 300),
    basis_date      date             not null,
    recorded_by     text             not null,
    recorded_at     timestamptz      not null,
    -- MS-3 and MS-7 name a category; MS-8 a place of study
    check ((kind = 'HOME_SCHOOLING') = (place is not null) and (kind = 'HOME_SCHOOLING') = (category is null)),
    unique (kind, enrolment_id, school_year)
);
create index standard_support_organisation on standard_support (organisation_id, school_year);
create index standard_support_kato on standard_support (kato, school_year);

alter table standard_support enable row level security;
create policy standard_support_scope on standard_support using (bilim_pii_allowed() and bilim_in_scope(kato, organisation_id));
