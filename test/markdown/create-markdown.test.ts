import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create-markdown.js';
import { englishText } from '../support/locales.js';
import { createMarkdownEnv, renderMarkdown } from '../../src/markdown/markdown-env.js';

function render(source: string) {
  const env = createMarkdownEnv(
    {
      resolveLink: (written) =>
        written.startsWith('02-next.md')
          ? {
              url: '/courses/c/next/',
              file: 'courses/c/02-next.md',
              fragment: written.split('#')[1],
            }
          : undefined,
      resolveImage: (written) =>
        written === 'images/a.svg'
          ? { url: '/assets/a.1234567890.svg', width: 800, height: 450 }
          : undefined,
    },
    englishText,
  );
  return { html: renderMarkdown(createMarkdown(), source, env), env };
}

describe('createMarkdown', () => {
  it('turns an image with a title into a figure with a caption', () => {
    const { html } = render('![Four tiles](images/a.svg "OpenClassrooms principles")');
    expect(html).toBe(
      '<figure><img src="/assets/a.1234567890.svg" alt="Four tiles" width="800" height="450" loading="lazy" decoding="async"><figcaption>OpenClassrooms principles</figcaption>\n</figure>\n',
    );
  });

  it('keeps an image without a title inline, in its paragraph', () => {
    expect(render('![Four tiles](images/a.svg)').html).toMatch(
      /^<p><img src="\/assets\/a\.1234567890\.svg" alt="Four tiles"/,
    );
  });

  it('renders a table inside a focusable scroll box, alignment as classes', () => {
    const { html } = render('| Principle | Behaviors |\n|:--|--:|\n| We care | Listen |');
    expect(html).toContain(
      '<div class="table-scroll" tabindex="0" role="region" aria-label="Table">\n<table>',
    );
    expect(html).toContain('<th class="align-left">Principle</th>');
    expect(html).toContain('<td class="align-right">Listen</td>');
    expect(html).not.toContain('style=');
  });

  it('names each table after its section, so that no two regions share a name', () => {
    const { html } = render(
      '## We care\n\n| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |\n\n## We dare\n\n| c |\n|---|\n| 3 |',
    );
    expect(html.match(/aria-label="[^"]*"/g)).toEqual([
      'aria-label="Table: We care"',
      'aria-label="Table: We care (2)"',
      'aria-label="Table: We dare"',
    ]);
  });

  it('escapes raw HTML instead of rendering it', () => {
    const { html } = render('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'vbscript:msgbox',
    'data:text/html;base64,PHNjcmlwdD4=',
  ])('does not link %s', (href) => {
    expect(render(`[click](${href})`).html).not.toContain('<a ');
  });

  it('gives headings readable ids, a link to themselves, and collects them', () => {
    const { html, env } = render('## We Tell It Like It Is\n\n### Details');
    expect(html).toContain('<h2 id="we-tell-it-like-it-is">We Tell It Like It Is</h2>');
    expect(html).toContain('<a class="header-anchor" href="#we-tell-it-like-it-is">');
    expect(env.headings).toEqual([
      { level: 2, id: 'we-tell-it-like-it-is', text: 'We Tell It Like It Is' },
      { level: 3, id: 'details', text: 'Details' },
    ]);
  });

  it('makes code blocks focusable, so that keyboard users can scroll them', () => {
    expect(render('```\nconst x = 1;\n```').html).toBe(
      '<div class="code-block" data-code-block>\n<pre tabindex="0"><code>const x = 1;\n</code></pre>\n</div>\n',
    );
    expect(render('    indented code').html).toBe(
      '<pre tabindex="0"><code>indented code\n</code></pre>\n',
    );
  });

  it('prefixes heading ids that would shadow a DOM global', () => {
    expect(render('## Location').html).toContain('<h2 id="section-location">');
  });

  it('renders callouts with an escaped title', () => {
    const { html } = render('::: warning Mind <this>\nCareful.\n:::');
    expect(html).toBe(
      '<div class="callout callout-warning" role="note">\n<p class="callout-title">Mind &lt;this&gt;</p>\n<p>Careful.</p>\n</div>\n',
    );
  });

  it('rewrites links to other chapters and reports links that go nowhere', () => {
    const { html, env } = render('[next](02-next.md#intro) and [gone](03-gone.md)');
    expect(html).toContain('<a href="/courses/c/next/#intro">next</a>');
    expect(env.links).toEqual([
      { line: 0, written: '02-next.md#intro', file: 'courses/c/02-next.md', fragment: 'intro' },
    ]);
    expect(env.problems.map((p) => p.message)).toEqual([
      'Link to a page that does not exist: "03-gone.md"',
    ]);
  });
});
