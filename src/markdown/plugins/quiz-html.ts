import type { Token } from 'markdown-it';
import type { InterfaceText } from '../markdown-env.js';
import type { OptionView, QuestionView, QuizView } from './quiz-tokens.js';

/** How the quiz's HTML renders the Markdown it holds: the renderer of the document around it. */
export interface QuizRenderers {
  readonly inline: (token: Token | undefined) => string;
  readonly blocks: (tokens: readonly Token[]) => string;
  readonly escape: (text: string) => string;
  /** The page language's words (the document's MarkdownEnv.text). */
  readonly text: InterfaceText;
}

const HINTS: Readonly<Record<QuestionView['kind'], string>> = {
  single: 'markdown.single',
  multiple: 'markdown.multiple',
};

/**
 * An option: a real radio button or check box with its label. Its feedback waits, hidden, for
 * public/js/quiz.js to show it once the answers are checked; without the script the same
 * feedback reads in the question's "Show the answer".
 */
function optionHtml(
  question: QuestionView,
  option: OptionView,
  index: number,
  r: QuizRenderers,
): string {
  const type = question.kind === 'single' ? 'radio' : 'checkbox';
  // Radio buttons share a name to be one group; each check box is a control of its own.
  const name = question.kind === 'single' ? question.id : option.id;
  const correct = option.correct ? ' data-correct' : '';
  return (
    `<li class="quiz-option">\n` +
    `<input type="${type}" name="${name}" id="${option.id}" value="${index + 1}"${correct}>\n` +
    `<label for="${option.id}">${r.inline(option.label)}</label>\n` +
    `<div class="quiz-feedback" id="${option.id}-feedback" data-feedback hidden>\n` +
    `<p class="quiz-mark" data-mark></p>\n${r.blocks(option.feedback)}</div>\n` +
    `</li>\n`
  );
}

/** The answer key, read without JavaScript: every option marked right or wrong, in words. */
function answerHtml(question: QuestionView, r: QuizRenderers): string {
  const right = question.options.filter((option) => option.correct);
  const key = right
    .map((option) => r.inline(option.label))
    .join(r.escape(r.text('markdown.answerSeparator')));
  const items = question.options.map(
    (option) =>
      `<li class="${option.correct ? 'is-right' : 'is-wrong'}">` +
      `<span class="quiz-key-mark">${r.escape(r.text(option.correct ? 'markdown.right' : 'markdown.wrong'))}</span> ` +
      `${r.inline(option.label)}\n${r.blocks(option.feedback)}</li>\n`,
  );
  return (
    `<details class="quiz-answer" data-answer>\n<summary>${r.escape(r.text('markdown.showAnswer'))}</summary>\n` +
    `<p class="quiz-key"><strong>${r.escape(r.text('markdown.answer', { count: right.length }))}</strong> ${key}</p>\n` +
    `<ul class="quiz-key-options">\n${items.join('')}</ul>\n` +
    `${r.blocks(question.explanation)}</details>\n`
  );
}

function questionHtml(question: QuestionView, total: number, r: QuizRenderers): string {
  const prompt = question.prompt
    ? ` <span class="quiz-prompt">${r.inline(question.prompt)}</span>`
    : '';
  return (
    `<fieldset class="quiz-question" id="${question.id}" data-question>\n` +
    `<legend><span class="quiz-number">${r.escape(r.text('markdown.question', { number: question.number, count: total }))}</span>${prompt}` +
    ` <span class="quiz-hint">${r.escape(r.text(HINTS[question.kind]))}</span></legend>\n` +
    r.blocks(question.body) +
    `<ul class="quiz-options">\n${question.options.map((o, i) => optionHtml(question, o, i, r)).join('')}</ul>\n` +
    `<p class="quiz-verdict" data-verdict hidden></p>\n` +
    answerHtml(question, r) +
    `</fieldset>\n`
  );
}

/**
 * A quiz is a form that works as a page of questions without JavaScript: each answer reads in
 * its disclosure. The script shows the buttons, checks the answers and announces the score.
 */
export function quizHtml(quiz: QuizView, r: QuizRenderers): string {
  const total = quiz.questions.length;
  const tag = `h${quiz.level}`;
  return (
    `<form class="quiz" id="${quiz.id}" data-quiz aria-labelledby="${quiz.id}-title">\n` +
    `<${tag} class="quiz-title" id="${quiz.id}-title">${r.escape(quiz.title)}</${tag}>\n` +
    r.blocks(quiz.intro) +
    quiz.questions.map((question) => questionHtml(question, total, r)).join('') +
    `<div class="quiz-actions" data-quiz-actions hidden>\n` +
    `<button class="button" type="submit">${r.escape(r.text('markdown.check'))}</button>\n` +
    `<button class="button button-secondary" type="reset" data-quiz-retry hidden>${r.escape(r.text('markdown.retry'))}</button>\n` +
    `</div>\n` +
    `<p class="quiz-score" role="status" data-quiz-score></p>\n` +
    `</form>\n`
  );
}
