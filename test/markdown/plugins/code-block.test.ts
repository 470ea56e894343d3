import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../src/markdown/create-markdown.js';
import { englishText } from '../../support/locales.js';
import { createMarkdownEnv, renderMarkdown } from '../../../src/markdown/markdown-env.js';

function render(source: string) {
  const env = createMarkdownEnv(
    { resolveLink: () => undefined, resolveImage: () => undefined },
    englishText,
  );
  return { html: renderMarkdown(createMarkdown(), source, env), env };
}

describe('the code block plugin', () => {
  it('highlights a known language with classes only, and names it in the header', () => {
    const { html, env } = render('```ts\nconst x: number = 1; // one\n```');
    expect(html).toBe(
      '<div class="code-block" data-code-block>\n' +
        '<div class="code-header"><span class="code-language">TypeScript</span></div>\n' +
        '<pre tabindex="0"><code class="language-ts"><span class="hljs-keyword">const</span> ' +
        '<span class="hljs-attr">x</span>: <span class="hljs-built_in">number</span> = <span class="hljs-number">1</span>; ' +
        '<span class="hljs-comment">// one</span>\n</code></pre>\n</div>\n',
    );
    expect(html).not.toContain('style=');
    expect(env.problems).toEqual([]);
    expect(env.scripts).toEqual(['code-copy']);
  });

  it('shows the file name written as title="…" after the language', () => {
    const { html } = render('```js title="app.js"\nlet a;\n```');
    expect(html).toContain(
      '<div class="code-header"><span class="code-title">app.js</span><span class="code-language">JavaScript</span></div>',
    );
  });

  it('escapes the code, the file name and the language it does not know', () => {
    const { html } = render("```<b> title='<i>.js'\n</code><script>\n```");
    expect(html).toContain('<span class="code-title">&lt;i&gt;.js</span>');
    expect(html).toContain('<span class="code-language">&lt;b&gt;</span>');
    expect(html).toContain('&lt;/code&gt;&lt;script&gt;');
    expect(html).not.toMatch(/<(?:i|b|script)>/);
  });

  it.each([
    ['html', 'HTML'],
    ['text', 'Text'],
    ['sh', 'Bash'],
    ['yaml', 'YAML'],
  ])('names %s "%s"', (language, label) => {
    expect(render(`\`\`\`${language}\nx\n\`\`\``).html).toContain(
      `<span class="code-language">${label}</span>`,
    );
  });

  it('warns about an unknown language with the nearest known name, and shows the code plain', () => {
    const { html, env } = render('Some text.\n\n```javscript\nlet a = 1;\n```');
    expect(env.problems).toEqual([
      {
        line: 2,
        field: 'code',
        severity: 'warning',
        needle: 'javscript',
        message:
          'Unknown code language "javscript": did you mean "javascript"? (the block is shown without highlighting)',
      },
    ]);
    expect(html).toContain('<code class="language-javscript">let a = 1;\n</code>');
  });

  it('warns about a language far from every known name without guessing', () => {
    expect(render('```klingon\nx\n```').env.problems.map((p) => p.message)).toEqual([
      'Unknown code language "klingon": write text for plain text (the block is shown without highlighting)',
    ]);
  });
});
