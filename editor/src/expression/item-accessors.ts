import { PreviewError } from './preview-error';

/**
 * n8n's `$input` and `$("Name")` for the preview, over the sample items, each item as `{ json }`
 * as the server's sandbox gives them (`server/src/sandbox/EXPRESSIONS.md`).
 */
export class ItemsAccessor {
  readonly #items: readonly unknown[] | undefined;
  readonly #label: string;
  readonly #current: unknown;
  readonly #isInput: boolean;

  /** `items` undefined: no upstream node of that name. */
  private constructor(
    items: readonly unknown[] | undefined,
    label: string,
    current: unknown,
    isInput: boolean,
  ) {
    this.#items = items;
    this.#label = label;
    this.#current = current;
    this.#isInput = isInput;
  }

  static input(items: readonly unknown[], current: unknown): ItemsAccessor {
    return new ItemsAccessor(items, '$input', current, true);
  }

  static node(name: string, output: { items: readonly unknown[] } | undefined): ItemsAccessor {
    return new ItemsAccessor(output?.items, `$("${name}")`, undefined, false);
  }

  /** `.item` and `.isExecuted`. */
  read(key: string): unknown {
    if (key === 'isExecuted') return this.#items !== undefined;
    if (key !== 'item') return undefined;
    if (this.#isInput) return { json: this.#current };
    const items = this.#ran();
    if (items.length !== 1)
      throw new PreviewError(
        `${this.#label}.item: that node emitted ${items.length} items, and the preview does not trace which one this item came from; a run does`,
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
