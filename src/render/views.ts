import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import type { Page } from '../pages/view-model.js';
import type { Locale } from '../i18n/messages.js';
import { translators, type Translator } from '../i18n/translator.js';

export interface Views {
  /** The page's full HTML document: its template inside the one layout. */
  render(page: Page): string;
  /** The words of a page's language, as its templates read them. */
  readonly translator: (lang: string) => Translator;
}

type Template = (data: object) => string;

/**
 * Compiles the layout and page templates once. EJS caches compiled includes in its own module
 * cache; it is cleared here so that a renderer made after an edit (development) sees new partials.
 */
export function createViews(viewsDir: string, locales: readonly Locale[]): Views {
  ejs.clearCache();
  const shorten = templateErrorMessage(path.dirname(viewsDir));
  const compile = (name: string): Template => {
    const filename = path.join(viewsDir, `${name}.ejs`);
    try {
      return ejs.compile(readFileSync(filename, 'utf8'), { filename, cache: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Some of EJS's syntax errors do not say which file they are in.
      const named = message.includes(filename)
        ? message
        : `${message} in ${filename} while compiling ejs`;
      throw new TemplateError(shorten(named), error);
    }
  };
  const layout = compile('layout');
  // The site's own locales, read once by the pipeline: the templates' words and the view
  // models' are the same version.
  const translatorOf = translators(locales);
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
    translator: translatorOf,
    render(page) {
      try {
        // Every template and partial reads its words through `t`, in the page's language.
        const { t, around } = translatorOf(page.layout.lang);
        const words = { t, around };
        const body = template(page.main.template)({
          page: page.main,
          layout: page.layout,
          ...words,
        });
        return layout({ layout: page.layout, body, ...words });
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        throw new TemplateError(
          shorten(error instanceof Error ? error.message : String(error)),
          error,
        );
      }
    },
  };
}

/** A template that does not compile or fails while rendering, named as `views/x.ejs:line: why`. */
export class TemplateError extends Error {
  override name = 'TemplateError';

  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

// EJS reports a failure while rendering as `/abs/views/x.ejs:12`, the lines around it, a blank
// line, then the error; a syntax error as `why in /abs/views/x.ejs while compiling ejs` and advice.
const RENDER_ERROR = /^(.+\.ejs):(\d+)\n[\s\S]*?\n\n([\s\S]+)$/;
const COMPILE_ERROR = /^(.*) in (\S+\.ejs) while compiling ejs/;

/** EJS's error as one line a person can act on: `views/pages/chapter.ejs:12: what failed`. */
export function templateErrorMessage(root: string) {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  return (message: string): string => {
    const failed = RENDER_ERROR.exec(message);
    if (failed) return `${relative(failed[1] ?? '')}:${failed[2]}: ${failed[3]}`;
    const invalid = COMPILE_ERROR.exec(message);
    if (invalid)
      return `${relative(invalid[2] ?? '')}: ${invalid[1]} (the template does not compile)`;
    return message;
  };
}
