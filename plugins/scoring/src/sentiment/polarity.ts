/**
 * Adds up word valences with the rules of VADER (Hutto and Gilbert, ICWSM 2014): a negator
 * within a few words scales a valence by -0.74, a booster adds 0.293 to its magnitude, capitals
 * add 0.733, and a contrast ("but", "但是") halves what came before and weighs what follows by 1.5.
 * Beyond VADER: a sentence or clause can be given a weight of its own (a plain question or a
 * concession counts for little), a remedy ("fixed") cancels the faults it names, and an ironic
 * mark (🙄) turns the praise of the whole text into blame.
 */
export class Polarity {
  positive = 0;
  negative = 0;
  hits = 0;
  private negation = 0;
  private cure = 0;
  private boost = 0;
  private afterContrast = 1;
  private sentenceWeight = 1;
  private clauseWeight = 1;
  private exclamations = 0;
  private ironic = false;

  get sum(): number {
    return this.positive + this.negative;
  }

  /** A negator is waiting for a polar word to flip. */
  get negated(): boolean {
    return this.negation > 0;
  }

  reset(): this {
    this.positive = 0;
    this.negative = 0;
    this.hits = 0;
    this.negation = 0;
    this.cure = 0;
    this.boost = 0;
    this.afterContrast = 1;
    this.sentenceWeight = 1;
    this.clauseWeight = 1;
    this.exclamations = 0;
    this.ironic = false;
    return this;
  }

  /** A negator covers the next `scope` units (VADER looks three words back). */
  negator(scope = 3): void {
    this.negation = scope;
  }

  /** A remedy ("fixed", "修好") cancels the faults named in the next `scope` units. */
  remedy(scope = 3): void {
    this.cure = scope;
  }

  booster(amount = 0.293): void {
    this.boost += amount;
  }

  contrast(): void {
    this.positive *= 0.5;
    this.negative *= 0.5;
    this.afterContrast = 1.5;
    this.clause();
  }

  /** Scales the valences of the rest of the sentence. */
  weigh(weight: number): void {
    this.sentenceWeight = weight;
  }

  /** Scales the valences of the rest of the clause ("Although it was late, ..."). */
  concede(weight: number): void {
    this.clauseWeight = weight;
  }

  /** A clause ends at punctuation: negation and boosters do not reach past it. */
  clause(): void {
    this.negation = 0;
    this.cure = 0;
    this.boost = 0;
    this.clauseWeight = 1;
  }

  sentence(): void {
    this.clause();
    this.sentenceWeight = 1;
  }

  /** Exclamation marks add 0.292 each to the magnitude, counting up to four (VADER again). */
  exclaim(): void {
    this.exclamations++;
  }

  irony(): void {
    this.ironic = true;
  }

  total(): number {
    // Irony turns praise into blame, at the strength VADER gives a negated word.
    const sum = this.ironic ? this.negative - 0.74 * this.positive : this.positive + this.negative;
    return sum + Math.sign(sum) * 0.292 * Math.min(this.exclamations, 4);
  }

  /** A unit that carries no sentiment still uses up negation scope. */
  step(): void {
    if (this.negation > 0) this.negation--;
    if (this.cure > 0) this.cure--;
  }

  valence(value: number, emphasis = 0): void {
    if (this.cure > 0 && value < 0 && this.negation === 0) {
      this.step();
      return;
    }
    let v = value + Math.sign(value) * (this.boost + emphasis);
    if (this.negation > 0) v *= -0.74;
    this.add(v);
  }

  /** Adds a valence that negation does not flip ("no response" is already the complaint). */
  add(value: number): void {
    const v = value * this.afterContrast * this.sentenceWeight * this.clauseWeight;
    if (v > 0) this.positive += v;
    else this.negative += v;
    this.hits++;
    this.boost = 0;
    this.negation = 0;
  }
}
