import { PreviewError } from './preview-error';

/**
 * n8n's `$input` and `$("Name")` for the preview, over the sample items, each item as `{ json }`
 * as the server's sandbox gives them (`server/src/sandbox/EXPRESSIONS.md`).
 */
export class ItemsAccessor {
  readonly #items: readonly unknown[] | undefined;
  readonly #label: string;
  /** For `$input`, the sample item; for `$("Name")`, the item it was made from, when traced. */
  readonly #current: { json: unknown } | undefined;

  /** `items` undefined: no upstream node of that name. */
  private constructor(
    items: readonly unknown[] | undefined,
    label: string,
    current: { json: unknown } | undefined,
  ) {
    this.#items = items;
    this.#label = label;
    this.#current = current;
  }

  static input(items: readonly unknown[], current: unknown): ItemsAccessor {
    return new ItemsAccessor(items, '$input', { json: current });
  }

  static node(
    name: string,
    output: { items: readonly unknown[]; paired?: unknown } | undefined,
  ): ItemsAccessor {
    const traced = output && 'paired' in output ? { json: output.paired } : undefined;
    return new ItemsAccessor(output?.items, `$("${name}")`, traced);
  }

  /** `.item` and `.isExecuted`. */
  read(key: string): unknown {
    if (key === 'isExecuted') return this.#items !== undefined;
    if (key !== 'item') return undefined;
    if (this.#current) return this.#current;
    const items = this.#ran();
    if (items.length !== 1)
      throw new PreviewError(
        `${this.#label}.item: that node emitted ${items.length} items, and the run on screen does not say which one this item came from; use .first(), .last() or .all()`,
      );
    return { json: items[0] };
  }

  /** `.first()`, `.last()` and `.all()`; undefined for any other method. */
  call(method: string): { value: unknown } | undefined {
    const items = this.#ran();
    if (method === 'all') return { value: items.map((json) => ({ json })) };
    if (method === 'first') return { value: items.length === 0 ? undefined : { json: items[0] } };
    if (method === 'last') return { value: items.length === 0 ? undefined : { json: items.at(-1) } };
    return undefined;
  }

  #ran(): readonly unknown[] {
    if (this.#items === undefined) throw new PreviewError(`${this.#label}: no upstream node of that name`);
    return this.#items;
  }
}
