import { describe, expect, it } from 'vitest';
import { crossingPieces, pieceLength, wholeOver } from './crossing-pieces.js';

describe('crossingPieces', () => {
  it('leaves a short text whole', () => {
    expect(crossingPieces('[{"a":1}]')).toEqual(['[{"a":1}]']);
  });

  it('cuts a text into pieces under 1,024 bytes as UTF-16 that join back to it', () => {
    const text = JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ text: `好评 😀 ${i}`.repeat(9) })));
    const pieces = crossingPieces(text);
    expect(pieces.length).toBe(Math.ceil(text.length / pieceLength));
    expect(pieces.every((piece) => piece.length * 2 < 1024)).toBe(true);
    expect(pieces.join('')).toBe(text);
  });

  it('leaves a text too long to join cheaply whole', () => {
    const text = 'x'.repeat(wholeOver + 1);
    expect(crossingPieces(text)).toEqual([text]);
  });
});
