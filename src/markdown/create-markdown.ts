import MarkdownIt, { type MarkdownIt as Markdown } from 'markdown-it';
import { calloutPlugin } from './plugins/callout.js';
import { codeBlockPlugin } from './plugins/code-block.js';
import { contentLinksPlugin } from './plugins/content-links.js';
import { figurePlugin } from './plugins/figure.js';
import { headingsPlugin } from './plugins/headings.js';
import { quizPlugin } from './plugins/quiz.js';
import { searchTextPlugin } from './plugins/search-text.js';
import { tablePlugin } from './plugins/table.js';

/**
 * The one Markdown dialect of Lectern. The 'default' preset keeps raw HTML off and refuses
 * `javascript:` links ('commonmark' would turn HTML on).
 */
export function createMarkdown(): Markdown {
  return (
    new MarkdownIt('default', { html: false, linkify: true, typographer: true })
      .use(calloutPlugin)
      .use(tablePlugin)
      .use(codeBlockPlugin)
      // headings before figure and links: anchor ids come from the inline text alone.
      .use(headingsPlugin)
      .use(figurePlugin)
      .use(contentLinksPlugin)
      // a quiz reads its options' links and images resolved, and the headings' ids.
      .use(quizPlugin)
      // last: it reads the ids and the text every rule above settled.
      .use(searchTextPlugin)
  );
}
