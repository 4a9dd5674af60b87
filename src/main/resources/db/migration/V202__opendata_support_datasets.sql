-- OD-3: datasets 23 (pupils studying at home) and 49 (children given free meals) are generated from the support
-- register of the minimum social standard (MS-8, MS-3) instead of being uploaded.
alter table open_dataset drop constraint open_dataset_producer_check;
alter table open_dataset add constraint open_dataset_producer_check
    check (producer in ('PRESCHOOL_REGISTER', 'SCHOOL_REGISTER', 'COLLEGE_REGISTER', 'CHILDREN_UNDER_18',
                        'PRESCHOOL_ACCESS', 'SCHOOL_ACCESS', 'HOME_SCHOOLED', 'FREE_MEALS'));
update open_dataset set producer = 'HOME_SCHOOLED' where number = 23;
update open_dataset set producer = 'FREE_MEALS' where number = 49;
