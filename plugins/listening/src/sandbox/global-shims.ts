import { encodingIndexes } from '@zxing/text-encoding/cjs/encoding-indexes.js';
import { bytesToBinaryString, decodeBase64 } from '../text/base64.js';

// The sandbox isolate is plain V8, and the server freezes its global object once the bundle has
// loaded, so what libraries expect to find there is put in place now, at load time:
// - `atob`: the `entities` package (used by the feed parser) decodes its HTML entity tables with it;
// - `TextEncodingIndexes`: the GBK/Big5 tables the encoding polyfill looks up on the global
//   object (its own registration looks for a Node-style `global`, absent in the sandbox).
const scope = globalThis as { atob?: (data: string) => string; TextEncodingIndexes?: unknown };
scope.atob ??= (data: string) => bytesToBinaryString(decodeBase64(data));
scope.TextEncodingIndexes ??= { encodingIndexes };
