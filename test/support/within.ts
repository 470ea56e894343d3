import { expect } from 'vitest';

/** Runs `work`, failing if it takes longer than a generous bound (the machine may be busy). */
export async function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  expect(performance.now() - started).toBeLessThan(ms);
  return result;
}
