import { describe, expect, it } from 'vitest';
import { textOfValue, valueFromText, variableKeyPattern } from './variable-text';

describe('variable values as text', () => {
  it('reads JSON as JSON and anything else as text', () => {
    expect(valueFromText('Acme')).toBe('Acme');
    expect(valueFromText(' 42 ')).toBe(42);
    expect(valueFromText('["cn","tw"]')).toEqual(['cn', 'tw']);
    expect(valueFromText('{"vip":')).toBe('{"vip":');
    expect(valueFromText('null')).toBe('null');
  });

  it('writes each value so that it reads back the same', () => {
    for (const value of ['Acme', '42', 'true', 'null', 7, false, ['cn'], { vip: 'ana@example.com' }]) {
      expect(valueFromText(textOfValue(value))).toEqual(value);
    }
    expect(textOfValue('Acme')).toBe('Acme');
    expect(textOfValue('42')).toBe('"42"');
  });

  it('takes names that read as JavaScript after $vars.', () => {
    expect(variableKeyPattern.test('brand_name')).toBe(true);
    expect(variableKeyPattern.test('brand-name')).toBe(false);
    expect(variableKeyPattern.test('1st')).toBe(false);
  });
});
