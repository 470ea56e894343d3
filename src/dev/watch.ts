import { watch } from 'chokidar';

export interface Watcher {
  /** Resolves once the initial scan is done: changes before it are not seen. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls `onChange` once a burst of saves is over: editors save several files at once. A file
 * caught half-written is read again on its next change event, and the development server
 * retries a load that fails; waiting for every write to settle (chokidar's awaitWriteFinish)
 * would add its threshold to every save.
 */
export function watchFolders(
  paths: readonly string[],
  debounceMs: number,
  onChange: (files: string[]) => void,
): Watcher {
  // A link out of the watched folders is not content (the read stage refuses it): not watched.
  const watcher = watch([...paths], { ignoreInitial: true, followSymlinks: false });
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
