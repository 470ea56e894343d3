import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../src/markdown/create-markdown.js';
import { englishText } from '../../support/locales.js';
import { createMarkdownEnv, renderMarkdown } from '../../../src/markdown/markdown-env.js';

function sectionsOf(source: string) {
  const env = createMarkdownEnv(
    { resolveLink: () => undefined, resolveImage: () => undefined },
    englishText,
  );
  renderMarkdown(createMarkdown(), source, env);
  return env.sections;
}

describe('the search text of a body', () => {
  it('gives the text under each heading, with the heading and its anchor id', () => {
    const source =
      'Before any heading.\n\n## We *care*\n\nWe listen.\n\n- first\n- second\n\n### Deeper\n\nMore.';
    expect(sectionsOf(source)).toEqual([
      { id: undefined, heading: undefined, text: 'Before any heading.' },
      { id: 'we-care', heading: 'We care', text: 'We listen. first second' },
      { id: 'deeper', heading: 'Deeper', text: 'More.' },
    ]);
  });

  it('leaves out the markup and the anchor links’ assistive text', () => {
    const [section] = sectionsOf(
      '## Tables\n\n| a | **b** |\n|--|--|\n| `code` | [link](https://x.example) |',
    );
    expect(section?.text).toBe('a b code link');
    expect(section?.text).not.toContain('Link to the section');
  });

  it('keeps code blocks and image descriptions, which a learner may search for', () => {
    const [section] = sectionsOf('```js\nconst answer = 42;\n```\n\n![A diagram of flows](x.svg)');
    expect(section?.text).toBe('const answer = 42; A diagram of flows');
  });

  it('gives no section for a body without text', () => {
    expect(sectionsOf('')).toEqual([]);
  });
});
