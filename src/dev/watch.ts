import { watch } from 'chokidar';

export interface Watcher {
  /** Resolves once the initial scan is done: changes before it are not seen. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls `onChange` once a burst of saves is over: editors save several files at once, and some
 * write a file in several steps. chokidar's awaitWriteFinish waits for a file's size to settle.
 */
export function watchFolders(
  paths: readonly string[],
  debounceMs: number,
  onChange: (files: string[]) => void,
): Watcher {
  const watcher = watch([...paths], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
  });
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  watcher.on('all', (_event, file) => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed = new Set();
      onChange(files);
    }, debounceMs);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
