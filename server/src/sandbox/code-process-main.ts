import { toErrorRecord } from '../engine/errors.js';
import { codeRunner } from './code-isolate.js';
import type { CodeProcessReply, CodeProcessRequest } from './code-process.js';
import { sandboxLimits } from './sandbox-limits.js';

// The Code node's process: it runs calls its parent sends, one isolate for all of them.
const runner = codeRunner(sandboxLimits(JSON.parse(process.env.SBSS_CODE_LIMITS ?? '{}')));
const running = new Map<number, AbortController>();
const reply = (message: CodeProcessReply) => process.send?.(message);

process.on('message', (request: CodeProcessRequest) => {
  if (request.cancel) {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  runner
    .run({ subject: 'The Code node', signal: controller.signal, payload: () => [request.payload ?? '{}'] })
    .then(
      (answer) => reply({ id: request.id, answer }),
      (error: unknown) => reply({ id: request.id, error: toErrorRecord(error) }),
    )
    .finally(() => running.delete(request.id));
});
process.once('disconnect', () => process.exit(0));
