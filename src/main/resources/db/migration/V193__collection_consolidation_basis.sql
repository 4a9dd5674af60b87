-- EIS-6 (issue 12), the benchmark's consolidation. A territory's consolidation remembers what it was formed from: the
-- accepted participants and their versions (an md5 of "id:version" in id order). An accepted submission's values
-- change only with a new version (accepted data are locked; a correction is returned, refilled and resubmitted), so
-- the same basis means the same sums: the bytes an officer signs and the signed submission's check read the stored
-- consolidation instead of summing every participant's values again. Null (never formed, or written by a bulk load):
-- the sums are recomputed, as before.
alter table collection_submission add column consolidation_basis text;

-- The scope of the two large tables, as bilim_in_scope, but with the setting read once per statement (an InitPlan)
-- instead of once per row: a district's sum reads 6,600 values, and the per-row current_setting() and split_part()
-- were half of its time. Same rows visible; the other collection tables keep bilim_in_scope (few rows per statement).
drop policy collection_submission_scope on collection_submission;
create policy collection_submission_scope on collection_submission using (
    case (select split_part(coalesce(current_setting('bilim.scope', true), ''), ':', 1))
        when 'ALL' then true
        when 'KATO' then starts_with(coalesce(kato, ''), (select split_part(current_setting('bilim.scope', true), ':', 2)))
        when 'ORG' then organisation_id
                            = (select nullif(split_part(current_setting('bilim.scope', true), ':', 2), '')::bigint)
        else false
    end);

drop policy collection_value_scope on collection_value;
create policy collection_value_scope on collection_value using (
    case (select split_part(coalesce(current_setting('bilim.scope', true), ''), ':', 1))
        when 'ALL' then true
        when 'KATO' then starts_with(coalesce(kato, ''), (select split_part(current_setting('bilim.scope', true), ':', 2)))
        when 'ORG' then organisation_id
                            = (select nullif(split_part(current_setting('bilim.scope', true), ':', 2), '')::bigint)
        else false
    end);
