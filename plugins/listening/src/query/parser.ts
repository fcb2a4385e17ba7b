import { type QueryNode, wordFields } from './ast.js';
import { fieldTerm } from './field-terms.js';
import { type Lexeme, lex } from './lexer.js';
import { QuerySyntaxError } from './syntax-error.js';

/**
 * Parses a boolean query. Precedence, tightest first: NEAR/n, NOT, AND (also implied between
 * adjacent terms), OR — the order Brandwatch documents for its query operators.
 */
export function parseQuery(query: string): QueryNode {
  const lexemes = lex(query);
  if (!lexemes.length) throw new QuerySyntaxError('The query is empty', 1);
  const parser = new Parser(lexemes, [...query].length + 1);
  const node = parser.or();
  parser.expectEnd();
  return node;
}

/** How deep groups and NOTs may nest: deeper would exhaust the stack of the parser or the matcher. */
const MAX_DEPTH = 100;

class Parser {
  #at = 0;
  #depth = 0;

  constructor(
    private readonly lexemes: Lexeme[],
    private readonly endColumn: number,
  ) {}

  or(): QueryNode {
    const children = [this.and()];
    while (this.#peek()?.kind === 'or') {
      this.#operand(this.#next());
      children.push(this.and());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { type: 'or', children };
  }

  and(): QueryNode {
    const children = [this.unary()];
    for (let next = this.#peek(); next; next = this.#peek()) {
      if (next.kind === 'and') this.#operand(this.#next());
      else if (!startsOperand(next)) break;
      children.push(this.unary());
    }
    return children.length === 1 ? (children[0] as QueryNode) : { type: 'and', children };
  }

  unary(): QueryNode {
    const next = this.#peek();
    if (next?.kind !== 'not') return this.near();
    this.#operand(this.#next());
    this.#enter(next.column);
    const child = this.unary();
    this.#depth -= 1;
    return { type: 'not', child };
  }

  near(): QueryNode {
    let left = this.primary();
    for (let next = this.#peek(); next?.kind === 'near'; next = this.#peek()) {
      this.#operand(this.#next());
      const right = this.primary();
      positional(left, next.column);
      positional(right, next.column);
      left = {
        type: 'near',
        distance: next.distance,
        ordered: next.ordered,
        left,
        right,
        column: next.column,
      };
    }
    return left;
  }

  primary(): QueryNode {
    const lexeme = this.#next();
    if (!lexeme) throw new QuerySyntaxError('The query ends where a term was expected', this.endColumn);
    if (lexeme.kind === 'lparen') {
      if (this.#peek()?.kind === 'rparen') throw new QuerySyntaxError('Empty parentheses', lexeme.column);
      this.#enter(lexeme.column);
      const inner = this.or();
      this.#depth -= 1;
      const close = this.#next();
      if (close?.kind !== 'rparen') {
        throw new QuerySyntaxError(
          `Missing ")" to close the "(" at column ${lexeme.column}`,
          close?.column ?? this.endColumn,
        );
      }
      return inner;
    }
    if (lexeme.kind === 'word' || lexeme.kind === 'phrase') return fieldTerm(lexeme);
    if (lexeme.kind === 'rparen') throw new QuerySyntaxError('")" without a matching "("', lexeme.column);
    throw new QuerySyntaxError(`${describe(lexeme)} needs a term before it`, lexeme.column);
  }

  expectEnd(): void {
    const extra = this.#peek();
    if (extra?.kind === 'rparen') throw new QuerySyntaxError('")" without a matching "("', extra.column);
    if (extra) throw new QuerySyntaxError(`Unexpected ${describe(extra)}`, extra.column);
  }

  /** An operator must be followed by something it can apply to. */
  #operand(operator: Lexeme | undefined): void {
    const next = this.#peek();
    if (operator && (!next || !startsOperand(next))) {
      throw new QuerySyntaxError(
        `${describe(operator)} needs a term after it`,
        next?.column ?? operator.column,
      );
    }
  }

  #enter(column: number): void {
    this.#depth += 1;
    if (this.#depth > MAX_DEPTH) {
      throw new QuerySyntaxError(`Groups and NOTs nest more than ${MAX_DEPTH} deep`, column);
    }
  }

  #peek(): Lexeme | undefined {
    return this.lexemes[this.#at];
  }

  #next(): Lexeme | undefined {
    const lexeme = this.lexemes[this.#at];
    this.#at += 1;
    return lexeme;
  }
}

function startsOperand(lexeme: Lexeme): boolean {
  return (
    lexeme.kind === 'word' || lexeme.kind === 'phrase' || lexeme.kind === 'lparen' || lexeme.kind === 'not'
  );
}

/** NEAR compares positions in one text, so its sides must be words, phrases or OR-groups of them. */
function positional(node: QueryNode, column: number): void {
  if (node.type === 'or') {
    for (const child of node.children) positional(child, column);
    return;
  }
  if (node.type === 'near') return;
  if (node.type === 'term' && wordFields.has(node.field)) return;
  throw new QuerySyntaxError('NEAR joins only words, phrases or (a OR b) groups of them', column);
}

function describe(lexeme: Lexeme): string {
  if (lexeme.kind === 'near') return `NEAR/${lexeme.distance}${lexeme.ordered ? 'f' : ''}`;
  if (lexeme.kind === 'word' || lexeme.kind === 'phrase') return `"${lexeme.text}"`;
  return { lparen: '"("', rparen: '")"', and: 'AND', or: 'OR', not: 'NOT' }[lexeme.kind];
}
