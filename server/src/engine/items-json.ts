import { type Item, type PortItems, readFields } from '@sbss/sdk';

/**
 * JSON text of item arrays, kept per array. An execution writes the same array several times:
 * a step's output is stored when the step finishes, then stored as the next step's input when
 * that one starts and again when it finishes, and sent into a plugin's sandbox. Items and their
 * arrays are not changed once a node has returned them (the engine concatenates into new arrays),
 * so the first text serves every later write.
 */
const texts = new WeakMap<readonly Item[], string>();

export function itemsJson(items: readonly Item[]): string {
  let text = texts.get(items);
  if (text === undefined) {
    text = JSON.stringify(items);
    texts.set(items, text);
  }
  return text;
}

const cutTexts = new WeakMap<readonly Item[], Map<string, string>>();

/** JSON text of the items cut down to the fields a node reads (`readFields`), kept per array and fields. */
export function readFieldsJson(items: readonly Item[], reads: readonly string[]): string {
  let texts = cutTexts.get(items);
  if (texts === undefined) {
    texts = new Map();
    cutTexts.set(items, texts);
  }
  const key = reads.join('\n');
  let text = texts.get(key);
  if (text === undefined) {
    text = JSON.stringify(items.map((item) => readFields(item, reads)));
    texts.set(key, text);
  }
  return text;
}

/**
 * `JSON.stringify(ports)`, each port's array written by `write`: by `itemsJson` unless a caller
 * writes some ports otherwise (a reference in their place, say).
 */
export function portItemsJson(
  ports: PortItems,
  write: (items: Item[], port: string) => string = itemsJson,
): string {
  const parts: string[] = [];
  for (const port of Object.keys(ports)) {
    const items = ports[port];
    if (items === undefined) continue;
    parts.push(
      `${JSON.stringify(port)}:${Array.isArray(items) ? write(items, port) : JSON.stringify(items)}`,
    );
  }
  return `{${parts.join(',')}}`;
}
