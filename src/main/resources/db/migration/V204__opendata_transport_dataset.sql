-- OD-3: dataset 61 (children for whom transport to school is organised) is generated from the support register (MS-4).
alter table open_dataset drop constraint open_dataset_producer_check;
alter table open_dataset add constraint open_dataset_producer_check
    check (producer in ('PRESCHOOL_REGISTER', 'SCHOOL_REGISTER', 'COLLEGE_REGISTER', 'CHILDREN_UNDER_18',
                        'PRESCHOOL_ACCESS', 'SCHOOL_ACCESS', 'HOME_SCHOOLED', 'FREE_MEALS', 'TRANSPORTED'));
update open_dataset set producer = 'TRANSPORTED' where number = 61;
