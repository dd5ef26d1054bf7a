-- The newest event time stored from each partition, written with its position in the same
-- transaction: the sink's event-id window opens each partition just after it, so a partition
-- read far behind the others in event time is covered by its own horizon (ADR-047). Rows from
-- before this column start from the newest event time of the whole table, which bounds them.
ALTER TABLE ingest_offsets ADD COLUMN newest_event_time TIMESTAMPTZ;
UPDATE ingest_offsets SET newest_event_time = (SELECT max(event_time) FROM raw_events);
