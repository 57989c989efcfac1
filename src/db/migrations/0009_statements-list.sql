-- Statements and defences become a list (issue 15, item 5): a second 陈述申辩 no longer overwrites the first. The
-- single `statement` of every case record moves into `statements` (one entry, or none when it was null).
UPDATE cases
SET record = (record - 'statement') || jsonb_build_object(
  'statements',
  CASE WHEN jsonb_typeof(record -> 'statement') = 'object' THEN jsonb_build_array(record -> 'statement') ELSE '[]'::jsonb END
)
WHERE NOT (record ? 'statements');
