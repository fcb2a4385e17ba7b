import { pointerAt } from '@sbss/sdk';

/** A query that cannot be parsed; `column` is 1-based, counted in characters of the query. */
export class QuerySyntaxError extends Error {
  readonly column: number;

  constructor(message: string, column: number) {
    super(`${message} (column ${column})`);
    this.name = 'QuerySyntaxError';
    this.column = column;
  }

  /** What error details show users: the column, and the query with a caret under it. */
  details(query: string): { column: number; pointer: string } {
    return { column: this.column, pointer: pointerAt(query, this.column) };
  }
}
