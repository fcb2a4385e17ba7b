CREATE TABLE `execution_triggers` (
	`execution_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`node_id` text NOT NULL,
	`items` text NOT NULL,
	FOREIGN KEY (`execution_id`) REFERENCES `executions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Moved, not lost: executions stored before this migration keep their trigger items.
INSERT INTO `execution_triggers` (`execution_id`, `workspace_id`, `node_id`, `items`)
	SELECT `id`, `workspace_id`, coalesce(`trigger` ->> '$.nodeId', ''), coalesce(`trigger` -> '$.items', '[]') FROM `executions`;
--> statement-breakpoint
ALTER TABLE `executions` DROP COLUMN `trigger`;