/**
 * Source of `$input` and `$("Name")` for the isolates' runtimes: the way n8n's expressions and
 * Code node reach items, so that what users bring from there runs here. Items come wrapped as
 * `{ json }`, as n8n hands them. n8n's `.item` follows each item back to the item it came from;
 * the engine keeps no such lineage, so `.item` of another node answers only when that node
 * emitted one item (a webhook, a form) and says what to use instead otherwise.
 */
export const itemAccessorsSource = `
  function wrapItem(item) {
    return { json: item };
  }

  /** $input: the node's own input, current() the index of the item being evaluated. */
  function inputAccessor(items, current) {
    return Object.freeze({
      get item() {
        return wrapItem(items.length === 0 ? {} : items[current()]);
      },
      first: () => (items.length === 0 ? undefined : wrapItem(items[0])),
      last: () => (items.length === 0 ? undefined : wrapItem(items[items.length - 1])),
      all: () => items.map(wrapItem),
    });
  }

  /** $: $("Name") reaches an upstream node's output, as $node["Name"] does. */
  function nodeAccessor(nodes) {
    return function $(name) {
      const entry = typeof name === 'string' && Object.hasOwn(nodes, name) ? nodes[name] : undefined;
      const ran = () => {
        if (entry === undefined) throw new ReferenceError('$("' + String(name) + '"): no node of that name or id ran before this one');
        return entry;
      };
      const items = () => ran().items;
      return Object.freeze({
        isExecuted: entry !== undefined,
        get item() {
          const all = items();
          if (all.length !== 1) {
            throw new TypeError('$("' + name + '").item needs the one item that node emitted, and it emitted ' + all.length + '; items are not traced back across nodes, so use .first(), .last() or .all()');
          }
          return wrapItem(all[0]);
        },
        // Where only .first() is read, the first item crosses without the rest (expression-scope.ts).
        first: () => (ran().items?.length === 0 ? undefined : wrapItem(ran().json)),
        last: () => {
          const all = items();
          return all.length === 0 ? undefined : wrapItem(all[all.length - 1]);
        },
        all: () => items().map(wrapItem),
      });
    };
  }
`;
