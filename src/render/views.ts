import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import type { Page } from '../pages/view-model.js';

export interface Views {
  /** The page's full HTML document: its template inside the one layout. */
  render(page: Page): string;
}

type Template = (data: object) => string;

/**
 * Compiles the layout and page templates once. EJS caches compiled includes in its own module
 * cache; it is cleared here so that a renderer made after an edit (development) sees new partials.
 */
export function createViews(viewsDir: string): Views {
  ejs.clearCache();
  const compile = (name: string): Template => {
    const filename = path.join(viewsDir, `${name}.ejs`);
    return ejs.compile(readFileSync(filename, 'utf8'), { filename, cache: true });
  };
  const layout = compile('layout');
  const templates = new Map<string, Template>();
  const template = (name: string): Template => {
    let compiled = templates.get(name);
    if (!compiled) {
      compiled = compile(`pages/${name}`);
      templates.set(name, compiled);
    }
    return compiled;
  };
  return {
    render(page) {
      const body = template(page.page.template)({ page: page.page, layout: page.layout });
      return layout({ layout: page.layout, body });
    },
  };
}
