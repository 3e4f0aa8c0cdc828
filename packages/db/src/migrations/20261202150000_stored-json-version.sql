-- The JSON the server stores now says the version of its shape ("v"), and is read through one
-- schema per shape (server/src/stored-json.ts) instead of casts. Every row written so far is of
-- version 1.
UPDATE documents SET content = content || '{"v": 1}'::jsonb
  WHERE jsonb_typeof(content) = 'object' AND NOT content ? 'v';
UPDATE documents SET task_plan = task_plan || '{"v": 1}'::jsonb
  WHERE task_plan IS NOT NULL AND jsonb_typeof(task_plan) = 'object' AND NOT task_plan ? 'v';
