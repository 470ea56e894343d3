// Progressive enhancement of code blocks (src/markdown/plugins/code-block.ts): a "Copy" button in
// each block's header. Without this script, or where the clipboard is not offered (a page served
// over plain HTTP from another machine), the code is selected and copied by hand as usual.
// Loaded only on pages with a code block, beside site.js: a function keeps its names to itself.
(() => {
  'use strict';

  if (!window.navigator.clipboard?.writeText) return;

  // The page's text (site.js); without it, the key itself.
  const t = (key, params) =>
    typeof window.lecternText === 'function' ? window.lecternText(key, params) : key;

  function headerOf(block) {
    let header = block.querySelector('.code-header');
    if (!header) {
      header = document.createElement('div');
      header.className = 'code-header';
      block.prepend(header);
    }
    return header;
  }

  function addButton(block) {
    const code = block.querySelector('pre code');
    if (!code) return;
    const name = block.querySelector('.code-title')?.textContent;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = t('js.code.copy');
    // The name keeps the visible word first (WCAG's label in name) and says which block.
    button.setAttribute(
      'aria-label',
      name ? t('js.code.copyNamed', { name }) : t('js.code.copyCode'),
    );
    const status = document.createElement('span');
    status.className = 'visually-hidden';
    // aria-live rather than role="status": the page's own status (chapter complete) stays the one.
    status.setAttribute('aria-live', 'polite');
    let timer;
    button.addEventListener('click', async () => {
      let copied = true;
      try {
        await window.navigator.clipboard.writeText(code.textContent ?? '');
      } catch {
        copied = false;
      }
      button.textContent = t(copied ? 'js.code.copied' : 'js.code.failed');
      status.textContent = t(copied ? 'js.code.copiedStatus' : 'js.code.failedStatus');
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        button.textContent = t('js.code.copy');
        status.textContent = '';
      }, 2500);
    });
    headerOf(block).append(button, status);
  }

  document.querySelectorAll('[data-code-block]').forEach(addButton);
})();
