-- SC-5 (issue 13): the cells (V185) gain what the indicators added beside them read of the facts (V169): the
-- organisation's preschool type (38, 44 and the "organisationType" breakdown: coalesce(preschool_type, kind)) and the
-- pupils' preschool group (31, 32, 38 and the "group" breakdown of 37). Null type: no accepted preschool passport.
-- The cells of snapshots taken before are left as they were: those snapshots' facts had no group nor type either
-- (the defaults V169 gave them), so the cells say the same ('NONE', null).
alter table stat_pupil_cell
    add column preschool_type  text,
    add column preschool_group text not null default 'NONE';
alter table stat_staff_cell
    add column preschool_type text;
alter table stat_graduate_cell
    add column preschool_type text;
