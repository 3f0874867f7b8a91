DROP INDEX `alliance_documents_alliance_idx`;--> statement-breakpoint
CREATE INDEX `alliance_documents_alliance_idx` ON `alliance_documents` (`alliance_id`,`kind`,`signer_org_id`,`status`);--> statement-breakpoint
CREATE INDEX `alliance_governance_layer_idx` ON `alliance_governance_seats` (`alliance_id`,`layer`);