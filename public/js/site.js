// Progressive enhancement only: without this script every page reads and navigates, the system
// colour scheme applies, and the controls below stay hidden rather than broken.
const THEME_KEY = 'lectern-theme';
const PROGRESS_KEY = 'lectern-progress';
const COMPLETED_KEY = 'lectern-completed';
const NAME_KEY = 'lectern-learner-name';

// The page's text, for every script: the layout's <script type="application/json"
// id="lectern-text">{"lang":"fr","messages":{...}}</script>, read once, when first asked for.
// A message is a string with {name} placeholders, or a plural one keyed by CLDR category
// ({"one":"{count} chapter","other":"{count} chapters"}) chosen by params.count. The other
// scripts share this file's global names: a function keeps these to itself.
(() => {
  'use strict';

  let pageText;

  function readPageText() {
    if (pageText) return pageText;
    let data;
    try {
      data = JSON.parse(document.getElementById('lectern-text')?.textContent ?? 'null');
    } catch {
      data = null;
    }
    const messages = data?.messages && typeof data.messages === 'object' ? data.messages : {};
    let lang =
      (typeof data?.lang === 'string' && data.lang) || document.documentElement.lang || 'en';
    let plurals;
    let numbers;
    try {
      plurals = new Intl.PluralRules(lang);
      numbers = new Intl.NumberFormat(lang);
    } catch {
      // Not a language tag Intl knows: the text still shows, its numbers in English.
      lang = 'en';
      plurals = new Intl.PluralRules(lang);
      numbers = new Intl.NumberFormat(lang);
    }
    pageText = { lang, messages, plurals, numbers };
    return pageText;
  }

  const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  /** The page's language (BCP 47), for Intl: the one its text is in. */
  window.lecternLang = () => readPageText().lang;

  /**
   * The message `key` in the page's language, its {name} placeholders replaced by params (numbers
   * formatted in that language; a placeholder without a param is left as it is). A missing
   * message is shown as its key: visible, never a crash.
   */
  window.lecternText = (key, params = {}) => {
    const { messages, plurals, numbers } = readPageText();
    let message = hasOwn(messages, key) ? messages[key] : undefined;
    if (message && typeof message === 'object') {
      const category = typeof params.count === 'number' ? plurals.select(params.count) : 'other';
      message = hasOwn(message, category) ? message[category] : message.other;
    }
    if (typeof message !== 'string') return key;
    return message.replace(/\{([\w-]+)\}/g, (placeholder, name) => {
      if (!hasOwn(params, name)) return placeholder;
      const value = params[name];
      return typeof value === 'number' ? numbers.format(value) : String(value);
    });
  };
})();

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
    if (status)
      status.textContent = done ? ` ${window.lecternText('js.chapterList.completed')}` : '';
  }
}

function showProgressBars(progress) {
  for (const box of document.querySelectorAll('[data-progress]')) {
    const course = box.dataset.courseUrl;
    const total = Number(box.dataset.chapterCount);
    const urls = new Set((box.dataset.chapterUrls ?? '').split(' '));
    const done = [...completedIn(progress, course)].filter((url) => urls.has(url)).length;
    const bar = box.querySelector('progress');
    const label = box.querySelector('[data-progress-text]');
    if (bar) {
      bar.max = total;
      bar.value = done;
    }
    if (label)
      label.textContent = window.lecternText('js.progress.chapters', { done, count: total });
    box.hidden = false;
  }
}

// "Start the course" becomes "Continue" at the first chapter not yet complete.
function updateStartButton(progress) {
  const start = document.querySelector('[data-start]');
  if (!start) return;
  const done = completedIn(progress, start.dataset.courseUrl);
  const urls = chapterUrlsOf(start);
  if (!start.dataset.firstUrl) start.dataset.firstUrl = start.getAttribute('href');
  const next = urls.find((url) => !done.has(url));
  const begun = urls.some((url) => done.has(url));
  start.setAttribute('href', begun && next ? next : start.dataset.firstUrl);
  start.textContent = window.lecternText(
    !begun ? 'js.start.start' : next ? 'js.start.continue' : 'js.start.again',
  );
}

// The free badge's note: a disclosure without JavaScript; "Got it!" and Escape close it.
function setUpFreeNote() {
  for (const note of document.querySelectorAll('[data-free-note]')) {
    const dismiss = note.querySelector('[data-free-note-dismiss]');
    const close = () => {
      note.open = false;
      note.querySelector('summary')?.focus();
    };
    dismiss?.addEventListener('click', close);
    note.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && note.open) close();
    });
    if (dismiss) dismiss.hidden = false;
  }
}

// A course is complete when every chapter is marked complete and every quiz's best score is at
// least its passing score; { "<course url>": "YYYY-MM-DD" } keeps the day it became so.
const QUIZZES_KEY = 'lectern-quizzes';

function chapterUrlsOf(element) {
  return (element.dataset.chapterUrls ?? '').split(' ').filter(Boolean);
}

/** The course's quizzes, from `<url>:<questions> ...`, each with whether it is passed. */
function quizzesOf(element) {
  const results = readJson(QUIZZES_KEY, {})[element.dataset.courseUrl] ?? {};
  const passing = Number(element.dataset.passingScore ?? 70);
  return (element.dataset.quizzes ?? '')
    .split(' ')
    .filter(Boolean)
    .map((entry) => {
      const at = entry.lastIndexOf(':');
      const url = entry.slice(0, at);
      const total = Number(entry.slice(at + 1));
      const kept = results[url];
      // A result out of another number of questions is of an earlier version of the quiz.
      const best = kept && kept.total === total ? kept.best : 0;
      return { url, passed: total > 0 && (best / total) * 100 >= passing };
    });
}

function isCourseComplete(progress, element) {
  const done = completedIn(progress, element.dataset.courseUrl);
  const chapters = chapterUrlsOf(element);
  return (
    chapters.length > 0 &&
    chapters.every((url) => done.has(url)) &&
    quizzesOf(element).every((quiz) => quiz.passed)
  );
}

function recordCompletion(progress, element) {
  const { courseUrl } = element.dataset;
  const completed = readJson(COMPLETED_KEY, {});
  const complete = isCourseComplete(progress, element);
  if (complete && !completed[courseUrl])
    completed[courseUrl] = new Date().toISOString().slice(0, 10);
  if (!complete) delete completed[courseUrl];
  writeJson(COMPLETED_KEY, completed);
}

function showCourseComplete(progress) {
  const note = document.querySelector('[data-course-complete]');
  const start = document.querySelector('[data-start]');
  if (!note || !start) return;
  note.hidden = !isCourseComplete(progress, start);
}

function fillCertificate(page, progress) {
  const { courseUrl } = page.dataset;
  const urls = chapterUrlsOf(page);
  const done = completedIn(progress, courseUrl);
  const quizzes = quizzesOf(page);
  const complete = isCourseComplete(progress, page);
  // A quiz passed last completes the course too: the day is recorded when it is first seen.
  recordCompletion(progress, page);
  page.querySelector('[data-certificate-without-script]').hidden = true;
  page.querySelector('[data-certificate-left]').hidden = complete;
  page.querySelector('[data-certificate-ready]').hidden = !complete;
  const left = urls.filter((url) => !done.has(url)).length;
  for (const item of page.querySelectorAll('[data-certificate-left] [data-chapter-url]'))
    item.hidden = done.has(item.dataset.chapterUrl);
  const passed = new Set(quizzes.filter((quiz) => quiz.passed).map((quiz) => quiz.url));
  for (const item of page.querySelectorAll('[data-certificate-left] [data-quiz-url]'))
    item.hidden = passed.has(item.dataset.quizUrl);
  const quizzesLeft = quizzes.length - passed.size;
  const summary = page.querySelector('[data-certificate-left-summary]');
  const chapters = window.lecternText('js.certificate.chaptersLeft', { left, count: urls.length });
  summary.textContent =
    quizzes.length > 0
      ? window.lecternText('js.certificate.leftWithQuizzes', {
          chapters,
          quizzes: window.lecternText('js.certificate.quizzesLeft', {
            left: quizzesLeft,
            count: quizzes.length,
          }),
        })
      : window.lecternText('js.certificate.left', { chapters });
  const day = readJson(COMPLETED_KEY, {})[courseUrl] ?? new Date().toISOString().slice(0, 10);
  const date = page.querySelector('[data-certificate-date]');
  date.dateTime = day;
  const format = new Intl.DateTimeFormat(window.lecternLang(), {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  date.textContent = format.format(new Date(`${day}T00:00:00Z`));
}

function setUpCertificate(progress) {
  const page = document.querySelector('[data-certificate]');
  if (!page) return;
  fillCertificate(page, progress);
  const input = page.querySelector('[data-certificate-name-input]');
  const name = page.querySelector('[data-certificate-name]');
  const show = () => {
    name.textContent = input.value.trim() || window.lecternText('js.certificate.name');
    name.classList.toggle('is-placeholder', input.value.trim() === '');
  };
  input.value = readJson(NAME_KEY, '');
  input.addEventListener('input', () => {
    writeJson(NAME_KEY, input.value);
    show();
  });
  page.querySelector('[data-certificate-print]').addEventListener('click', () => window.print());
  show();
}

function setUpCompletion(progress, refresh) {
  const control = document.querySelector('[data-complete]');
  if (!control) return;
  const { courseUrl, chapterUrl } = control.dataset;
  const button = control.querySelector('button');
  const status = control.querySelector('[data-complete-status]');
  const render = () => {
    const done = completedIn(progress, courseUrl).has(chapterUrl);
    button.textContent = window.lecternText(done ? 'js.complete.unmark' : 'js.complete.mark');
    control.classList.toggle('is-complete', done);
    if (status) status.textContent = done ? window.lecternText('js.complete.done') : '';
  };
  button.addEventListener('click', () => {
    const done = completedIn(progress, courseUrl);
    if (done.has(chapterUrl)) done.delete(chapterUrl);
    else done.add(chapterUrl);
    progress[courseUrl] = [...done];
    writeJson(PROGRESS_KEY, progress);
    recordCompletion(progress, control);
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
    updateStartButton(progress);
    showCourseComplete(progress);
  };
  setUpCertificate(progress);
  setUpFreeNote();
  setUpCompletion(progress, refresh);
  refresh();
}

applyTheme(readJson(THEME_KEY, null));
main();
