/**
 * Adds up word valences with the rules of VADER (Hutto and Gilbert, ICWSM 2014): a negator
 * within a few words scales a valence by -0.74, a booster adds 0.293 to its magnitude, and a
 * contrast ("but", "但是") halves what came before and weighs what follows by 1.5.
 */
export class Polarity {
  sum = 0;
  hits = 0;
  private negation = 0;
  private boost = 0;
  private afterContrast = false;
  private exclamations = 0;

  reset(): this {
    this.exclamations = 0;
    this.sum = 0;
    this.hits = 0;
    this.negation = 0;
    this.boost = 0;
    this.afterContrast = false;
    return this;
  }

  /** A negator covers the next `scope` units (VADER looks three words back). */
  negator(scope = 3): void {
    this.negation = scope;
  }

  booster(amount = 0.293): void {
    this.boost += amount;
  }

  contrast(): void {
    this.sum *= 0.5;
    this.afterContrast = true;
    this.clause();
  }

  /** A clause ends at punctuation: negation and boosters do not reach past it. */
  clause(): void {
    this.negation = 0;
    this.boost = 0;
  }

  /** Exclamation marks add 0.292 each to the magnitude, counting up to four (VADER again). */
  exclaim(): void {
    this.exclamations++;
  }

  total(): number {
    return this.sum + Math.sign(this.sum) * 0.292 * Math.min(this.exclamations, 4);
  }

  /** A unit that carries no sentiment still uses up negation scope. */
  step(): void {
    if (this.negation > 0) this.negation--;
  }

  valence(value: number): void {
    let v = value + Math.sign(value) * this.boost;
    if (this.negation > 0) v *= -0.74;
    if (this.afterContrast) v *= 1.5;
    this.sum += v;
    this.hits++;
    this.boost = 0;
    this.negation = 0;
  }
}
