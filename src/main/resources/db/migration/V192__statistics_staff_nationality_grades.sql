-- SC-5 (issue 13): the staff facts of a snapshot and their cells (V185) carry the staff registry's new marks (V191),
-- the employee's nationality and the contract's band of grades taught — the breakdowns 16 "nationality" and 16/17
-- "grade". Snapshots taken before held neither: their rows say UNKNOWN (what the registry then had).
alter table stat_staff
    add column nationality   text not null default 'UNKNOWN',
    add column grades_taught text not null default 'UNKNOWN';
alter table stat_staff_cell
    add column nationality   text not null default 'UNKNOWN',
    add column grades_taught text not null default 'UNKNOWN';
