import { z } from 'zod';

export const parameterTypes = ['string', 'number', 'boolean', 'string[]', 'json'] as const;
export type ParameterType = (typeof parameterTypes)[number];

export const parameterName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a letter, then letters, digits and "_"');

export const templateParameterSchema = z.object({
  name: parameterName,
  description: z.string().max(2000),
  type: z.enum(parameterTypes).default('string'),
  /** Without a default the parameter is required at install time. */
  default: z.json().optional(),
});

export const templateCredentialSchema = z.object({
  /** The name the workflow's nodes refer to; create a credential with this name before running. */
  name: z.string().min(1).max(200),
  /** Credential type id, e.g. `robot-webhook`, `smtp`, `hubspot-token`. */
  type: z.string().min(1).max(100),
  description: z.string().max(2000),
});

export const templateInfoSchema = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(10_000),
  parameters: z.array(templateParameterSchema).max(200).default([]),
  credentials: z.array(templateCredentialSchema).max(100).default([]),
});

/**
 * A template file: metadata and a workflow whose values may be `${param:name}` placeholders.
 * The workflow is checked against the workflow schema only after substitution, since a
 * placeholder may stand where the schema wants a number or an array.
 */
export const templateSchema = z.object({
  template: templateInfoSchema,
  workflow: z.record(z.string(), z.json()),
});

export type TemplateParameter = z.output<typeof templateParameterSchema>;
export type TemplateCredential = z.output<typeof templateCredentialSchema>;
export type TemplateInfo = z.output<typeof templateInfoSchema>;
export type Template = z.output<typeof templateSchema>;
export type JsonValue = z.output<ReturnType<typeof z.json>>;
