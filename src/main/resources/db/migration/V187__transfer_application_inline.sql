-- A portal application's row carries the signed text and its detached CMS signature with the signer's certificate
-- chain: about 3.5 kB, over PostgreSQL's 2 kB threshold, so every insert tried to compress the signature (DER,
-- which does not compress) and moved it into the TOAST table, a second heap and index insert (issue 11's benchmark:
-- the insert was the costliest statement of a submission). Up to 8 kB the row now stays whole in its page.
alter table transfer_application set (toast_tuple_target = 8160);
