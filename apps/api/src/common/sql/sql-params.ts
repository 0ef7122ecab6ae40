/**
 * The numbered parameters of one SQL statement. `add` binds a value and answers its placeholder, so that callers
 * write `t.id = ${params.add(id)}` and never count `$` positions by hand; `values` is what goes to `query()`.
 * User input only ever travels as a parameter.
 */
export class SqlParams {
  private readonly list: unknown[] = [];

  constructor(...values: unknown[]) {
    for (const value of values) {
      this.add(value);
    }
  }

  /** Binds `value` and answers its placeholder (`$1`, `$2`, …). */
  add(value: unknown): string {
    this.list.push(value);
    return `$${this.list.length}`;
  }

  /** Binds a list for `= ANY(…)`, cast to the SQL array type (e.g. `uuid[]`) so PostgreSQL need not guess it. */
  any(values: readonly unknown[], type: string): string {
    return `ANY(${this.add(values)}::${type})`;
  }

  /** The values bound so far, in placeholder order (a copy: adding later does not change it). */
  get values(): unknown[] {
    return [...this.list];
  }

  get length(): number {
    return this.list.length;
  }
}
