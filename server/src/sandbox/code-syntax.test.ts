import { describe, expect, it } from 'vitest';
import { codeSyntaxIssues } from './code-syntax.js';

describe('codeSyntaxIssues', () => {
  it('finds nothing wrong with code that compiles, await and the scope included', () => {
    expect(
      codeSyntaxIssues('const rows = await Promise.all(items.map(async (i) => i));\nreturn rows;'),
    ).toEqual([]);
    expect(codeSyntaxIssues('return $input.all().map((i) => ({ json: { n: $json.n } }));')).toEqual([]);
  });

  it('gives the line and column of a syntax error in the code, with a pointer under it', () => {
    expect(codeSyntaxIssues('const a = 1;\nconst b = ;\nreturn items;')).toEqual([
      {
        path: ['code'],
        message: "Unexpected token ';' (line 2, column 11)",
        details: { line: 2, column: 11, pointer: 'const b = ;\n          ^' },
      },
    ]);
  });

  it('points past the last line when the code stops before it is complete', () => {
    expect(codeSyntaxIssues('return items.map((i) => {\n  return i;')).toEqual([
      {
        path: ['code'],
        message: 'The code ends before it is complete (line 2, column 12)',
        details: { line: 2, column: 12, pointer: '  return i;\n           ^' },
      },
    ]);
  });

  it('catches a name the function already has as a parameter', () => {
    const [issue] = codeSyntaxIssues('let items = [];\nreturn items;');
    expect(issue?.message).toMatch(/'items' has already been declared \(line 1, column 5\)/);
  });

  it('never runs the code', () => {
    expect(codeSyntaxIssues('for (;;) {}')).toEqual([]);
    expect(codeSyntaxIssues('throw new Error("ran")')).toEqual([]);
  });
});
