-- TR-11 (order No. 468): a foreign or stateless child's application carries the document of permanent residence
alter table transfer_application add column residence_document text;
alter table transfer_application add constraint transfer_application_residence_document_check
    check (residence_document is null or residence_document <> '');
