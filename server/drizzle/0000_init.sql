CREATE TABLE `credentials` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`data` blob NOT NULL,
	`iv` blob NOT NULL,
	`tag` blob NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credentials_workspace_name_idx` ON `credentials` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `data_records` (
	`workspace_id` text NOT NULL,
	`collection` text NOT NULL,
	`key` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `collection`, `key`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `data_records_created_idx` ON `data_records` (`workspace_id`,`collection`,`created_at`);--> statement-breakpoint
CREATE TABLE `execution_steps` (
	`execution_id` text NOT NULL,
	`node_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`input` text NOT NULL,
	`output` text,
	`error` text,
	`logs` text NOT NULL,
	PRIMARY KEY(`execution_id`, `node_id`),
	FOREIGN KEY (`execution_id`) REFERENCES `executions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `executions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`mode` text NOT NULL,
	`trigger` text NOT NULL,
	`output` text,
	`error` text,
	`started_at` integer,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`,`workflow_id`) REFERENCES `workflows`(`workspace_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `executions_workspace_created_idx` ON `executions` (`workspace_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `executions_workflow_created_idx` ON `executions` (`workspace_id`,`workflow_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `executions_status_created_idx` ON `executions` (`workspace_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `executions_unfinished_idx` ON `executions` (`created_at`,`id`) WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE TABLE `node_state` (
	`workspace_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`node_id` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `workflow_id`, `node_id`, `key`),
	FOREIGN KEY (`workspace_id`,`workflow_id`) REFERENCES `workflows`(`workspace_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `schedules` (
	`workspace_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`node_id` text NOT NULL,
	`cron` text NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`next_run_at` integer,
	PRIMARY KEY(`workspace_id`, `workflow_id`, `node_id`),
	FOREIGN KEY (`workspace_id`,`workflow_id`) REFERENCES `workflows`(`workspace_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `webhooks` (
	`method` text NOT NULL,
	`path` text NOT NULL,
	`workspace_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`node_id` text NOT NULL,
	PRIMARY KEY(`method`, `path`),
	FOREIGN KEY (`workspace_id`,`workflow_id`) REFERENCES `workflows`(`workspace_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhooks_workflow_idx` ON `webhooks` (`workspace_id`,`workflow_id`);--> statement-breakpoint
CREATE TABLE `workflow_versions` (
	`workflow_id` text NOT NULL,
	`version` integer NOT NULL,
	`workspace_id` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`workflow_id`, `version`),
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `workflows` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT false NOT NULL,
	`current_version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workflows_workspace_id_idx` ON `workflows` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
