/** Limits of one sandboxed call (a plugin node's `run` or a Code node). */
export interface SandboxLimits {
  /** Heap of the isolate; hitting it fails the call and the next call gets a fresh isolate. */
  memoryLimitMb: number;
  /**
   * Size each half of the isolate's young generation may grow to; 0 leaves isolated-vm's own
   * (`new-isolate.ts`).
   */
  semiSpaceMb: number;
  /**
   * Time one call may run code in the isolate. isolated-vm counts it on a steady clock while the
   * call holds the isolate, so time its thread waits for a core counts too (`SANDBOX.md`).
   */
  cpuTimeMs: number;
  /** Time one call may take from start to end, waiting on `ctx.http` and the like included. */
  wallTimeMs: number;
  /**
   * Time loading a plugin into a fresh isolate may run its code: the bundle's top level (which
   * parses a model file, say) belongs to no call, so a call's limit does not bound it.
   */
  loadTimeMs: number;
  /**
   * How long validating a workflow waits for a plugin node's params check. A check is a call like
   * any other and runs on under the limits above; past this, validation says the params could not
   * be checked, so a check that hangs does not hold the editor's problems.
   */
  checkWaitMs: number;
  /** Longest JSON of a call's output, in characters. */
  maxOutputLength: number;
  /** Log lines kept per call; later lines are counted, not kept. */
  maxLogLines: number;
}

export const defaultSandboxLimits: SandboxLimits = {
  memoryLimitMb: 128,
  semiSpaceMb: 8,
  cpuTimeMs: 5_000,
  wallTimeMs: 60_000,
  loadTimeMs: 10_000,
  checkWaitMs: 3_000,
  maxOutputLength: 20_000_000,
  maxLogLines: 1_000,
};

export function sandboxLimits(overrides: Partial<SandboxLimits> = {}): SandboxLimits {
  return { ...defaultSandboxLimits, ...overrides };
}
