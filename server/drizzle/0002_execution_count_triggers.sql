-- Keeps execution_counts exact. Triggers rather than repository code, so every path that writes
-- executions is covered, including the cascade from a deleted workflow (SQLite fires a child
-- table's triggers for rows removed by ON DELETE CASCADE). Decrements are plain UPDATEs: when the
-- workflow is deleted its counts rows may already be gone, and then there is nothing to fix.
CREATE TRIGGER `execution_counts_insert` AFTER INSERT ON `executions` BEGIN
	INSERT INTO `execution_counts` (`workspace_id`, `workflow_id`, `status`, `count`)
	VALUES (new.`workspace_id`, new.`workflow_id`, new.`status`, 1)
	ON CONFLICT (`workspace_id`, `workflow_id`, `status`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
-- Only a real change moves a count: markRunning on a running execution sets the same status.
CREATE TRIGGER `execution_counts_update` AFTER UPDATE OF `workspace_id`, `workflow_id`, `status` ON `executions`
WHEN old.`status` IS NOT new.`status`
	OR old.`workflow_id` IS NOT new.`workflow_id`
	OR old.`workspace_id` IS NOT new.`workspace_id`
BEGIN
	UPDATE `execution_counts` SET `count` = `count` - 1
	WHERE `workspace_id` = old.`workspace_id` AND `workflow_id` = old.`workflow_id` AND `status` = old.`status`;
	INSERT INTO `execution_counts` (`workspace_id`, `workflow_id`, `status`, `count`)
	VALUES (new.`workspace_id`, new.`workflow_id`, new.`status`, 1)
	ON CONFLICT (`workspace_id`, `workflow_id`, `status`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `execution_counts_delete` AFTER DELETE ON `executions` BEGIN
	UPDATE `execution_counts` SET `count` = `count` - 1
	WHERE `workspace_id` = old.`workspace_id` AND `workflow_id` = old.`workflow_id` AND `status` = old.`status`;
END;
--> statement-breakpoint
-- Existing databases: the migrator applies pending migrations in one transaction, so no
-- execution is written between this count and the triggers above taking over.
INSERT INTO `execution_counts` (`workspace_id`, `workflow_id`, `status`, `count`)
SELECT `workspace_id`, `workflow_id`, `status`, count(*) FROM `executions`
GROUP BY `workspace_id`, `workflow_id`, `status`;
