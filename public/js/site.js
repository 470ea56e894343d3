// Progressive enhancement only: without this script every page reads and navigates, the system
// colour scheme applies, and the controls below stay hidden rather than broken.
const THEME_KEY = 'lectern-theme';
const PROGRESS_KEY = 'lectern-progress';

function readJson(key, fallback) {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null');
    return value ?? fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage can be full or disabled (private windows): the page still works, it just forgets.
  }
}

// Theme: the system setting by default; the toggle stores an explicit choice.
function currentTheme() {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
}

function setUpThemeToggle() {
  const button = document.querySelector('[data-theme-toggle]');
  if (!button) return;
  // The name stays "Dark theme"; aria-pressed says whether it is on.
  const render = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    writeJson(THEME_KEY, next);
    render();
  });
  button.hidden = false;
  render();
}

// Progress: { "<course url>": ["<chapter url>", ...] }, in this browser only (no account, no cookie).
function completedIn(progress, courseUrl) {
  return new Set(Array.isArray(progress[courseUrl]) ? progress[courseUrl] : []);
}

function markChapterLists(progress) {
  for (const item of document.querySelectorAll('[data-chapter-url]')) {
    const course = item.closest('[data-course-url]')?.dataset.courseUrl;
    const done = course !== undefined && completedIn(progress, course).has(item.dataset.chapterUrl);
    item.classList.toggle('is-complete', done);
    const status = item.querySelector('.chapter-status');
    if (status) status.textContent = done ? ' (completed)' : '';
  }
}

function showProgressBars(progress) {
  for (const box of document.querySelectorAll('[data-progress]')) {
    const course = box.dataset.courseUrl;
    const total = Number(box.dataset.chapterCount);
    const urls = new Set((box.dataset.chapterUrls ?? '').split(' '));
    const done = [...completedIn(progress, course)].filter((url) => urls.has(url)).length;
    const bar = box.querySelector('progress');
    const text = box.querySelector('[data-progress-text]');
    if (bar) {
      bar.max = total;
      bar.value = done;
    }
    if (text)
      text.textContent = `${done} of ${total} ${total === 1 ? 'chapter' : 'chapters'} complete`;
    box.hidden = false;
  }
}

function setUpCompletion(progress, refresh) {
  const control = document.querySelector('[data-complete]');
  if (!control) return;
  const { courseUrl, chapterUrl } = control.dataset;
  const button = control.querySelector('button');
  const status = control.querySelector('[data-complete-status]');
  const render = () => {
    const done = completedIn(progress, courseUrl).has(chapterUrl);
    button.textContent = done ? 'Mark as not complete' : 'Mark this chapter as complete';
    control.classList.toggle('is-complete', done);
    if (status) status.textContent = done ? 'Chapter complete.' : '';
  };
  button.addEventListener('click', () => {
    const done = completedIn(progress, courseUrl);
    if (done.has(chapterUrl)) done.delete(chapterUrl);
    else done.add(chapterUrl);
    progress[courseUrl] = [...done];
    writeJson(PROGRESS_KEY, progress);
    render();
    refresh();
  });
  control.hidden = false;
  render();
}

// "/" focuses the search box, as on most documentation sites; typing elsewhere is left alone.
function setUpSearchShortcut() {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest?.('input, textarea, select, [contenteditable]')) return;
    const box =
      document.querySelector('[data-search-input]') ??
      document.querySelector('[data-search-shortcut]');
    if (!box) return;
    event.preventDefault();
    box.focus();
  });
}

function main() {
  setUpThemeToggle();
  setUpSearchShortcut();
  const progress = readJson(PROGRESS_KEY, {});
  const refresh = () => {
    markChapterLists(progress);
    showProgressBars(progress);
  };
  setUpCompletion(progress, refresh);
  refresh();
}

applyTheme(readJson(THEME_KEY, null));
main();
