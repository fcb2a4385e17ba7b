import { setFlagsFromString } from 'node:v8';
import ivm from 'isolated-vm';

/**
 * An isolate whose young generation may grow to `semiSpaceMb` per half. isolated-vm sizes it from
 * the memory limit alone, 2 MB in all at 128 MB, while one plugin call on 2,000 mentions allocates
 * many times that: the isolate scavenged every few calls, copying and then promoting the items of
 * the calls under way each time, and its major collections followed. V8 reads
 * `--max-semi-space-size` when it creates an isolate, and isolated-vm sets it to 0 ("take the
 * limits given") when it loads, so it is set for this creation only. V8 grows the halves only
 * while most young objects survive, so an isolate that runs small calls stays small.
 */
export function newIsolate(memoryLimitMb: number, semiSpaceMb: number): ivm.Isolate {
  setFlagsFromString(`--max-semi-space-size=${semiSpaceMb}`);
  try {
    return new ivm.Isolate({ memoryLimit: memoryLimitMb });
  } finally {
    setFlagsFromString('--max-semi-space-size=0');
  }
}
