-- The newest event time stored from each partition, written with its position in the same
-- transaction (where the sink's event-id window opens a partition; ADR-047). Rows from before
-- this column start from the newest event time of the whole table, which bounds them.
ALTER TABLE ingest_offsets ADD COLUMN newest_event_time timestamptz;
UPDATE ingest_offsets SET newest_event_time = (SELECT max(event_time) FROM raw_events);
