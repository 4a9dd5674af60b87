-- TR-5, TR-13, TR-14, EIS-8: the working-day calendar is data that the ministry edits. Each holiday and school holiday
-- period may carry a note on its source or its uncertainty, shown to the administrator next to the row.
alter table public_holiday add column note text;
alter table school_holiday_period add column note text;
