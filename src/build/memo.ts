/**
 * A memo table of one stage: results by the hash of their inputs, kept across builds. Each build
 * marks what it used; `sweep` then forgets the rest, so that a long editing session holds only
 * what the current site needs.
 */
export interface Memo<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Forgets every entry this build neither read nor wrote; returns how many it kept. */
  sweep(): number;
  /** Entries kept by the last sweep. */
  readonly size: number;
}

export function createMemo<V>(): Memo<V> {
  let entries = new Map<string, V>();
  let used = new Map<string, V>();
  return {
    get(key) {
      const value = used.get(key) ?? entries.get(key);
      if (value !== undefined) used.set(key, value);
      return value;
    },
    set(key, value) {
      used.set(key, value);
    },
    sweep() {
      entries = used;
      used = new Map();
      return entries.size;
    },
    get size() {
      return entries.size;
    },
  };
}
