import { type NodeContext, NodeError } from '@sbss/sdk';
import { robotWebhookCredential } from '../credentials.js';

export interface RobotWebhook {
  url: string;
  secret: string | undefined;
}

/** The robot-webhook credential the node's `credential` param names, checked. */
export async function robotWebhook(
  ctx: Pick<NodeContext, 'credentials'>,
  name: string,
): Promise<RobotWebhook> {
  const fields = robotWebhookCredential.fields.safeParse(await ctx.credentials.get(name));
  if (!fields.success) {
    throw new NodeError(
      'NOTIFY_CREDENTIAL_INVALID',
      `Credential "${name}" is not a robot webhook: it needs a "url" (and optionally a "secret")`,
      { issues: fields.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
    );
  }
  const secret = fields.data.secret?.trim();
  return { url: fields.data.url.trim(), secret: secret ? secret : undefined };
}
