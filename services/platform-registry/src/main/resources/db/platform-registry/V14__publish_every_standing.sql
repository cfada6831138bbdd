-- Issue 13: the registry now publishes a platform's whole standing on registry.platform.v2 after every change, and
-- funding and talent keep their replicas from it alone. A registry that ran an earlier release has its publisher's
-- token at the head already, so v2 would carry standings only from the next change on, and a consumer rebuilt from
-- the topics would miss every platform that has not changed since. Deleting the token makes the publisher start from
-- the beginning once: it publishes the v2 standing after every change in history; the v1 events it sends again keep
-- their ce_id, which every consumer deduplicates by (docs/subscribers.md). On a new database there is no token and
-- this changes nothing.
delete from token_entry where processor_name = 'kafka-publisher';
