import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { jsonDeeperThan, SbssError, tooDeepMessage } from '../engine/index.js';

export interface IssueDetail {
  path: (string | number)[];
  message: string;
  code: string;
}

export function issueDetails(error: { issues: readonly z.core.$ZodIssue[] }): IssueDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
    code: issue.code,
  }));
}

/** zod validation of one request part; failures become VALIDATION_FAILED with the zod paths. */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const details = issueDetails(result.error);
      const first = details[0];
      const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
      throw new SbssError(
        'VALIDATION_FAILED',
        `Invalid ${target}${where}: ${first?.message ?? 'invalid'}`,
        details,
      );
    }
  });
}

/** Refuses a JSON body nested deeper than the schemas' and the store's recursive walks can take. */
export function refuseDeepBody(text: string): void {
  if (jsonDeeperThan(text)) throw new SbssError('BAD_REQUEST', `The request body ${tooDeepMessage}`);
}
