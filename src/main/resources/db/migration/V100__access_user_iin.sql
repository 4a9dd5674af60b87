-- TR-17, TR-18: an applicant (a parent) is identified by their IIN, as on the e-government portal; the transfer
-- service links the children they apply for and checks that a signature's certificate names this IIN.
alter table app_user add column iin text collate "C" check (iin ~ '^[0-9]{12}$');
create index app_user_iin on app_user (iin) where iin is not null;
