// Progressive enhancement of the quizzes (src/markdown/plugins/quiz.ts): without this script
// every question reads and its "Show the answer" gives the key and the explanation. With it the
// learner answers first, then "Check my answers" marks each question in words, shows the chosen
// options' feedback, the explanation and the score, and keeps the result in this browser.
// Loaded only on pages with a quiz, beside site.js: a function keeps its names to itself.
(() => {
  'use strict';

  // { "<course url>": { "<chapter url>#<quiz id>": { score, total, best, checkedAt } } }, the
  // same grouping as site.js's chapter progress ("lectern-progress"): no account, no cookie.
  const RESULTS_KEY = 'lectern-quizzes';

  // The page's text (site.js); without it, the key itself.
  const t = (key, params) =>
    typeof window.lecternText === 'function' ? window.lecternText(key, params) : key;

  function readResults() {
    try {
      const value = JSON.parse(localStorage.getItem(RESULTS_KEY) ?? 'null');
      return value && typeof value === 'object' ? value : {};
    } catch {
      return {};
    }
  }

  function saveResult(courseUrl, quizUrl, score, total) {
    const results = readResults();
    const course =
      results[courseUrl] && typeof results[courseUrl] === 'object' ? results[courseUrl] : {};
    const previous = course[quizUrl];
    // A best score out of another number of questions (the quiz was edited) no longer counts.
    const best = previous && previous.total === total ? Math.max(previous.best ?? 0, score) : score;
    course[quizUrl] = { score, total, best, checkedAt: new Date().toISOString() };
    results[courseUrl] = course;
    try {
      localStorage.setItem(RESULTS_KEY, JSON.stringify(results));
    } catch {
      // Storage can be full or disabled (private windows): the quiz still works, it just forgets.
    }
    return course[quizUrl];
  }

  function pageUrls() {
    const control = document.querySelector('[data-complete]');
    const chapterUrl = control?.dataset.chapterUrl ?? window.location.pathname;
    const courseUrl =
      control?.dataset.courseUrl ??
      document.querySelector('[data-course-url]')?.dataset.courseUrl ??
      chapterUrl;
    return { chapterUrl, courseUrl };
  }

  const isRight = (input) => input.hasAttribute('data-correct');

  function setFeedback(input, text, right) {
    const feedback = document.getElementById(`${input.id}-feedback`);
    if (!feedback) return;
    feedback.querySelector('[data-mark]').textContent = text;
    feedback.classList.toggle('is-right', right);
    feedback.classList.toggle('is-wrong', !right);
    feedback.hidden = text === '';
    if (text === '') input.removeAttribute('aria-describedby');
    else input.setAttribute('aria-describedby', feedback.id);
  }

  /** Marks one question in words (never by colour alone); true when every choice is right. */
  function markQuestion(question) {
    const inputs = [...question.querySelectorAll('input')];
    const right = inputs.every((input) => input.checked === isRight(input));
    for (const input of inputs) {
      const text = !input.checked
        ? ''
        : t(isRight(input) ? 'js.quiz.rightChoice' : 'js.quiz.wrongChoice');
      setFeedback(input, text, isRight(input));
    }
    const verdict = question.querySelector('[data-verdict]');
    const answered = inputs.some((input) => input.checked);
    verdict.textContent = t(
      right ? 'js.quiz.right' : answered ? 'js.quiz.notQuite' : 'js.quiz.notAnswered',
    );
    verdict.className = `quiz-verdict ${right ? 'is-right' : 'is-wrong'}`;
    verdict.hidden = false;
    const answer = question.querySelector('[data-answer]');
    answer.hidden = false;
    answer.open = true;
    return right;
  }

  function clearQuestion(question) {
    for (const input of question.querySelectorAll('input')) setFeedback(input, '', false);
    question.querySelector('[data-verdict]').hidden = true;
    const answer = question.querySelector('[data-answer]');
    answer.open = false;
    answer.hidden = true;
  }

  const scoreText = (score, total) =>
    t(score === total ? 'js.quiz.scorePerfect' : 'js.quiz.scoreRetry', { score, count: total });

  function setUpQuiz(form, urls) {
    const questions = [...form.querySelectorAll('[data-question]')];
    const status = form.querySelector('[data-quiz-score]');
    const retry = form.querySelector('[data-quiz-retry]');
    const quizUrl = `${urls.chapterUrl}#${form.id}`;
    let checked = false;
    const clear = () => {
      questions.forEach(clearQuestion);
      status.textContent = '';
      retry.hidden = true;
      checked = false;
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const score = questions.map(markQuestion).filter(Boolean).length;
      const kept = saveResult(urls.courseUrl, quizUrl, score, questions.length);
      const text = scoreText(score, questions.length);
      status.textContent =
        kept.best > score
          ? `${text} ${t('js.quiz.best', { best: kept.best, count: kept.total })}`
          : text;
      retry.hidden = false;
      checked = true;
    });
    // A changed answer is not the one that was marked: the marks go until the next check.
    form.addEventListener('change', () => {
      if (checked) clear();
    });
    form.addEventListener('reset', () => {
      clear();
      questions[0]?.querySelector('input')?.focus();
    });
    clear();
    form.classList.add('is-enhanced');
    form.querySelector('[data-quiz-actions]').hidden = false;
  }

  function showLastResult(form, urls) {
    const kept = readResults()[urls.courseUrl]?.[`${urls.chapterUrl}#${form.id}`];
    if (!kept || typeof kept.best !== 'number') return;
    const last = document.createElement('p');
    last.className = 'quiz-last';
    last.textContent = t('js.quiz.bestSoFar', { best: kept.best, count: kept.total });
    form.querySelector('[data-quiz-actions]').before(last);
  }

  const urls = pageUrls();
  for (const form of document.querySelectorAll('form[data-quiz]')) {
    setUpQuiz(form, urls);
    showLastResult(form, urls);
  }
})();
