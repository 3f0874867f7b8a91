-- An alliance's timeline is history: transitions are recorded once and never rewritten.
CREATE TRIGGER `alliance_events_no_update` BEFORE UPDATE ON `alliance_events`
BEGIN
  SELECT RAISE(ABORT, 'alliance_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `alliance_events_no_delete` BEFORE DELETE ON `alliance_events`
BEGIN
  SELECT RAISE(ABORT, 'alliance_events is append-only');
END;
