import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A fixed pool of worker threads for the costly pure stages (Markdown, templates). Written on
 * node:worker_threads directly rather than with a pool library: the pipeline needs ordered
 * broadcasts (the index every render reads is sent to every worker before the renders that use
 * it), one task per worker at a time, and a crash to fail the build, which is all this is.
 */
export interface WorkerPool {
  readonly size: number;
  /** Delivered to every worker before any task run after this call. */
  broadcast(message: unknown): void;
  run<T>(task: unknown): Promise<T>;
  close(): Promise<void>;
}

/** A worker died or threw: the build it was part of is abandoned, never half-served. */
export class WorkerError extends Error {
  override name = 'WorkerError';
}

interface Job {
  readonly task: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

type Reply = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Under tsx or vitest the worker is TypeScript too. Node 20 does not apply loader hooks given
 * with --import to a worker's own entry, so the worker registers tsx first, then imports it.
 */
function startWorker(script: URL): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  const api = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then(({ register }) => {
    register();
    return import(${JSON.stringify(script.href)});
  });`;
  return new Worker(code, { eval: true });
}

interface Slot {
  readonly worker: Worker;
  job: Job | undefined;
}

export function createWorkerPool(script: URL, size: number): WorkerPool {
  const queue: Job[] = [];
  let broken: WorkerError | undefined;
  const fail = (error: WorkerError) => {
    broken ??= error;
    for (const job of queue.splice(0)) job.reject(broken);
    for (const slot of slots) slot.job?.reject(broken);
  };
  const next = (slot: Slot) => {
    const job = queue.shift();
    slot.job = job;
    // A busy worker keeps the process alive until its answer comes; an idle one must not keep a
    // finished command (check, build) running.
    if (job) {
      slot.worker.ref();
      slot.worker.postMessage({ task: job.task });
    } else slot.worker.unref();
  };
  const slots: Slot[] = Array.from({ length: size }, () => {
    const slot: Slot = { worker: startWorker(script), job: undefined };
    slot.worker.on('message', (reply: Reply) => {
      const job = slot.job;
      if (!job) return;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new WorkerError(reply.message));
      next(slot);
    });
    slot.worker.on('error', (error) =>
      fail(new WorkerError(`A build worker failed: ${error.message}`, { cause: error })),
    );
    slot.worker.on('exit', (code) => {
      if (code !== 0 || slot.job) fail(new WorkerError(`A build worker stopped (exit code ${code})`));
    });
    slot.worker.unref();
    return slot;
  });
  return {
    size,
    broadcast(message) {
      for (const slot of slots) slot.worker.postMessage({ broadcast: message });
    },
    run<T>(task: unknown) {
      return new Promise<T>((resolve, reject) => {
        if (broken) return reject(broken);
        queue.push({ task, resolve: resolve as (value: unknown) => void, reject });
        const idle = slots.find((slot) => !slot.job);
        if (idle) next(idle);
      });
    },
    async close() {
      broken ??= new WorkerError('The worker pool is closed');
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
