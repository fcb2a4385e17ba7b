/** Ids fit in 15 bits so that a bigram key (`a * 32768 + b`) stays a small integer for V8. */
export const MAX_UNITS = 32767;
export const BIGRAM_BASE = 32768;
/** Id of a unit the vocabulary does not know: it scores nothing and breaks bigrams. */
export const UNKNOWN = 0;

/**
 * Dense ids for the units of a model: CJK characters through a direct table (no string is made
 * for them while scoring), Latin words through a map. A frozen vocabulary answers UNKNOWN for new
 * units; an open one (while training) numbers them.
 */
export class Vocabulary {
  private readonly chars = new Uint16Array(0x10000);
  private readonly words = new Map<string, number>();
  private readonly units: string[] = [''];
  frozen = false;

  get size(): number {
    return this.units.length - 1;
  }

  char(code: number): number {
    const id = this.chars[code] ?? UNKNOWN;
    if (id !== UNKNOWN || this.frozen) return id;
    return this.add(String.fromCharCode(code), () => {
      this.chars[code] = this.units.length;
    });
  }

  word(word: string): number {
    const id = this.words.get(word);
    if (id !== undefined || this.frozen) return id ?? UNKNOWN;
    return this.add(word, () => this.words.set(word, this.units.length));
  }

  /** The unit an id stands for: a character or a word. */
  unit(id: number): string {
    return this.units[id] ?? '';
  }

  private add(unit: string, register: () => void): number {
    if (this.units.length > MAX_UNITS) return UNKNOWN;
    register();
    this.units.push(unit);
    return this.units.length - 1;
  }
}
