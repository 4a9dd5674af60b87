-- TR-1…TR-18: the transfer between schools as a public service (portal and paper), its stages for the monitoring
-- system (TR-9), the signed documents it issues (TR-4 notification, TR-18 refusal receipt, TR-5/TR-6 coupons) and the
-- notices of a change of the service's rules (TR-3). An application is seen by the receiving school and the departing
-- school (and their territories); the applicant reads their own through the service (a system run by their account).
create table transfer_application
(
    id                        bigint generated always as identity primary key,
    route                     text collate "C" not null check (route in ('PORTAL', 'PAPER')),
    state                     text collate "C" not null check (state in ('SUBMITTED', 'ACCEPTED', 'ARRIVAL_COUPON_ISSUED',
                                                                        'DEPARTURE_COUPON_ISSUED', 'ADMITTED', 'REFUSED')),
    -- TR-18: the application form (parent, child, address, school requested, consent, date)
    applicant_user_id         bigint references app_user (id),
    applicant_iin             text collate "C" not null check (applicant_iin ~ '^[0-9]{12}$'),
    applicant_name            text             not null check (applicant_name <> ''),
    applicant_phone           text             not null check (applicant_phone <> ''),
    child_person_id           bigint           not null references person (id),
    child_iin                 text collate "C" not null check (child_iin ~ '^[0-9]{12}$'),
    child_name                text             not null,
    child_birth_date          date             not null,
    child_citizenship         text             not null,
    foreign_child             boolean          not null,   -- TR-11: foreigners and stateless persons, own rules
    grade                     smallint         not null check (grade between 0 and 12),
    settlement                text             not null,
    district                  text             not null,
    city                      text             not null,
    region                    text             not null,
    registered_address        text             not null check (registered_address <> ''),
    consent                   boolean          not null,
    application_date          date             not null,
    exception_ground          text collate "C" check (exception_ground in ('COURT_DECISION', 'MOVE', 'DEPARTURE_ABROAD',
                                                                          'VIOLENCE')),
    supporting_document       text,
    check (exception_ground is null or supporting_document is not null),
    documents                 text             not null default '',
    -- where from and where to
    departing_organisation_id bigint references organisation (id),
    departing_kato            text collate "C",
    departing_enrolment_id    bigint references enrolment (id),
    receiving_organisation_id bigint           not null references organisation (id),
    kato                      text collate "C" not null, -- the receiving school's place: scope and RLS
    -- TR-13, TR-14: received, registered at the next opening, due at 18:30 of the last working day
    received_at               timestamptz      not null,
    registered_at             timestamptz      not null,
    due_at                    timestamptz      not null,
    -- the application as signed (portal: the applicant's detached CMS signature over it, TR-17)
    signed_content            bytea,
    signature                 bytea,
    signed_on_server          boolean          not null default false, -- the demo signed with the test key
    -- decisions
    class_id                  bigint references school_class (id),
    enrolment_id              bigint references enrolment (id),
    refusal_ground            text collate "C",
    refusal_reason            text,
    decided_at                timestamptz,
    decided_by                text,
    -- TR-5: arrival coupon, valid 3 working days; TR-6: departure coupon
    arrival_coupon_issued_on  date,
    arrival_coupon_valid_to   timestamptz,
    departure_coupon_issued_on date,
    version                   bigint           not null default 0,
    check ((state = 'REFUSED') = (refusal_ground is not null))
);
create index transfer_application_kato on transfer_application (kato, state, due_at);
create index transfer_application_departing on transfer_application (departing_kato, state);
create index transfer_application_applicant on transfer_application (applicant_user_id, id desc);
create index transfer_application_child on transfer_application (child_person_id);
-- one open application per child: a second while the first is undecided is refused
create unique index transfer_application_one_open on transfer_application (child_person_id)
    where state in ('SUBMITTED', 'ARRIVAL_COUPON_ISSUED', 'DEPARTURE_COUPON_ISSUED');

-- TR-9: every stage, with who, what and when (for the timeline and the monitoring system's export)
create table transfer_stage
(
    id             bigint generated always as identity primary key,
    application_id bigint           not null references transfer_application (id),
    stage          text collate "C" not null,
    at             timestamptz      not null,
    actor          text             not null,
    actor_role     text             not null,
    kato           text collate "C" not null,
    note           text
);
create index transfer_stage_application on transfer_stage (application_id, id);
create index transfer_stage_kato_at on transfer_stage (kato, at);

-- TR-4, TR-5, TR-6, TR-18: the documents issued, as sent: PDF and the provider's detached signature
create table transfer_document
(
    id             bigint generated always as identity primary key,
    application_id bigint           not null references transfer_application (id),
    kind           text collate "C" not null check (kind in ('NOTICE', 'REFUSAL_RECEIPT', 'ARRIVAL_COUPON',
                                                              'DEPARTURE_COUPON')),
    kato           text collate "C" not null,
    pdf            bytea            not null,
    signature      bytea,
    created_at     timestamptz      not null,
    unique (application_id, kind)
);

-- TR-3: a change of the service's rules (or of the holiday periods) and the notices due to the e-government
-- operator, the providers and the contact centre within 3 working days of its registration
create table transfer_rule_change
(
    id            bigint generated always as identity primary key,
    registered_on date             not null,
    what          text             not null,
    recorded_by   text             not null,
    recorded_at   timestamptz      not null
);
create table transfer_rule_notice
(
    id             bigint generated always as identity primary key,
    rule_change_id bigint           not null references transfer_rule_change (id),
    addressee      text collate "C" not null check (addressee in ('EGOV_OPERATOR', 'PROVIDERS', 'CONTACT_CENTRE')),
    due_at         timestamptz      not null,
    sent_at        timestamptz,
    sent_by        text,
    unique (rule_change_id, addressee)
);

alter table transfer_application enable row level security;
alter table transfer_stage enable row level security;
alter table transfer_document enable row level security;
create policy transfer_application_scope on transfer_application
    using (bilim_in_scope(kato, receiving_organisation_id) or bilim_in_scope(departing_kato, departing_organisation_id));
create policy transfer_stage_scope on transfer_stage using (bilim_in_scope(kato, null)
    or exists (select 1 from transfer_application a where a.id = application_id));
create policy transfer_document_scope on transfer_document using (bilim_in_scope(kato, null)
    or exists (select 1 from transfer_application a where a.id = application_id));
