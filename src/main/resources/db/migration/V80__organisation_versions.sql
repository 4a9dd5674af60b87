-- Lost updates (issue 7): an edit of an organisation or a class names the version it was made to, and the update
-- applies only while the record is still at that version (where id = :id and version = :version); every update
-- raises it by one. Twenty concurrent edits of one organisation: one wins per version, the others are told.
alter table organisation add column version bigint not null default 0;
alter table school_class add column version bigint not null default 0;
