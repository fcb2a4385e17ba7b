/**
 * Source of `$input` and `$("Name")` for the isolates' runtimes: the way n8n's expressions and
 * Code node reach items, so that what users bring from there runs here. Items come wrapped as
 * `{ json }`, as n8n hands them. `$("Name").item` is the item of that node the current item was
 * made from, traced by the engine (`engine/item-lineage.ts`) and sent as indexes.
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

  /**
   * $: $("Name") reaches an upstream node's output, as $node["Name"] does. paired[name] holds,
   * per item of the call, the index of the item of that node it was made from (-1: not traced).
   */
  function nodeAccessor(nodes, paired, current) {
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
          const traced = Object.hasOwn(paired, name) ? paired[name][current()] : undefined;
          if (traced !== undefined && traced >= 0) return wrapItem(all[traced]);
          if (all.length === 1) return wrapItem(all[0]);
          throw new TypeError('$("' + name + '").item: item ' + current() + ' here cannot be traced back to one of the ' + all.length + ' items that node emitted (a node on the way built it anew); use .first(), .last() or .all()');
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
