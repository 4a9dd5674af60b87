-- SC-4 (issue 13): bilim_pupil_facts (V160) groups about 5 M joined rows into ~1 M groups; at the server's 64 MB per
-- sort or hash it spilled 1.5 GB to temporary files while a national snapshot was taken. The function sets its own
-- work_mem: it applies only while it runs (a snapshot taken by one instance under ShedLock), not to other statements.
-- The child facts got the same in V197.
alter function bilim_pupil_facts(date) set work_mem = '256MB';
