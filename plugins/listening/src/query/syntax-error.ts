/** A query that cannot be parsed; `column` is 1-based, counted in characters of the query. */
export class QuerySyntaxError extends Error {
  readonly column: number;

  constructor(message: string, column: number) {
    super(`${message} (column ${column})`);
    this.name = 'QuerySyntaxError';
    this.column = column;
  }

  /** The query with a caret under the offending column, for error details shown to users. */
  pointer(query: string): string {
    return `${query}\n${' '.repeat(Math.max(0, this.column - 1))}^`;
  }
}
