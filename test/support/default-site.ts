import path from 'node:path';
import { ROOT } from './fixture-site.js';

export { ROOT };

/**
 * The editors' default content. Only the smoke test (test/default-content.test.ts) reads it, and
 * pins none of its text: every other test uses FIXTURE_CONTENT_DIR from ./fixture-site.js.
 * (bench/ imports ROOT from this module.)
 */
export const DEFAULT_CONTENT_DIR = path.join(ROOT, 'content');
