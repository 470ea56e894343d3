import { describe, expect, it } from 'vitest';
import { createWorkerPool, WorkerError } from '../../src/build/worker-pool.js';
import { describeStartupError } from '../../src/startup-error.js';

const worker = (name: string) => new URL(`../fixtures/workers/${name}`, import.meta.url);

describe('the worker pool', () => {
  it('fails every task, with a clear message, when a worker dies', async () => {
    const pool = createWorkerPool(worker('exits.ts'), 2);
    try {
      const tasks = [pool.run({}), pool.run({}), pool.run({})];
      const results = await Promise.allSettled(tasks);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      const error = (results[0] as PromiseRejectedResult).reason as unknown;
      expect(error).toBeInstanceOf(WorkerError);
      expect(describeStartupError(error)).toBe(
        'A build worker stopped (exit code 3)\nThe build was abandoned: nothing was served or written.',
      );
      await expect(pool.run({})).rejects.toThrow('A build worker stopped (exit code 3)');
    } finally {
      await pool.close();
    }
  });

  it('passes on the error a task answers with', async () => {
    const pool = createWorkerPool(worker('throws.ts'), 1);
    try {
      await expect(pool.run({})).rejects.toThrow('Could not render /x/: boom');
    } finally {
      await pool.close();
    }
  });
});
