CREATE TABLE `execution_counts` (
	`workspace_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `workflow_id`, `status`),
	FOREIGN KEY (`workspace_id`,`workflow_id`) REFERENCES `workflows`(`workspace_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `executions_workflow_status_created_idx` ON `executions` (`workspace_id`,`workflow_id`,`status`,`created_at`,`id`);