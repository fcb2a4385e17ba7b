export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An item is the unit of data flowing between nodes: a plain JSON object. */
export type Item = JsonObject;

/** Items by port name, e.g. `{ main: [...] }` or `{ true: [...], false: [...] }`. */
export type PortItems = Record<string, Item[]>;
