import type { MarkdownIt, StateCore } from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { envOf } from '../markdown-env.js';
import { slugify } from '../slugify.js';

/** Collects headings (for the in-page contents and anchor checks), and reports headings that break the outline. */
function outlineRule(state: StateCore): void {
  const env = envOf(state);
  // The page title is the only h1, so the body's outline starts one level below it.
  let previous = 1;
  state.tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const level = Number(token.tag.slice(1));
    const line = token.map?.[0] ?? 0;
    const text = state.tokens[index + 1]?.content ?? '';
    if (level === 1) {
      env.problems.push({
        line,
        field: 'heading',
        severity: 'warning',
        needle: '#',
        message: "Start sections with ##: the title is the page's only h1",
      });
    } else if (level > previous + 1) {
      env.problems.push({
        line,
        field: 'heading',
        severity: 'warning',
        needle: '#',
        message:
          previous === 1
            ? `Heading level skipped: the first section is h${level}; start sections with ##`
            : `Heading level skipped: h${level} follows h${previous}; use ${'#'.repeat(previous + 1)}`,
      });
    }
    previous = level;
    const id = String(token.attrGet('id') ?? '');
    if (id) env.headings.push({ level, id, text });
  });
}

export function headingsPlugin(md: MarkdownIt): void {
  md.use(anchor, {
    level: [2, 3, 4],
    slugify,
    tabIndex: false,
    // markdown-it-anchor's assistive text knows only the title: the permalink is made per
    // render, so that it speaks the document's language.
    permalink: (slug, options, state, index) =>
      anchor.permalink.linkAfterHeader({
        style: 'visually-hidden',
        assistiveText: (title) => envOf(state).text('markdown.sectionLink', { title }),
        visuallyHiddenClass: 'visually-hidden',
        wrapper: ['<div class="heading">', '</div>'],
      })(slug, options, state, index),
  });
  md.core.ruler.after('anchor', 'outline', outlineRule);
}
