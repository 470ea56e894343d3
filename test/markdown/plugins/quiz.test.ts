import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentIndex } from '../../../src/content/content-index.js';
import { formatProblem } from '../../../src/content/content-problem.js';
import { renderDocument } from '../../../src/content/render-document.js';
import { createMarkdown } from '../../../src/markdown/create-markdown.js';
import { translatorIn } from '../../support/locales.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/markdown/quizzes');
const EMPTY_INDEX: ContentIndex = { pages: new Map(), filesByUrl: new Map(), assets: new Map() };
const markdown = createMarkdown();
const ENGLISH = { lang: 'en', text: translatorIn('en').locale.messages };

/** Renders a fixture as the render stage does, as if it were a file without front-matter. */
function render(name: string) {
  const body = readFileSync(path.join(FIXTURES, name), 'utf8');
  const relative = `courses/c/${name}`;
  return renderDocument(markdown, EMPTY_INDEX, {
    relative,
    body,
    bodyLine: 1,
    hash: name,
    ...ENGLISH,
  });
}

/** The text of the elements an opening-tag pattern finds, tags removed. */
function texts(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((m) => (m[1] ?? '').replace(/<[^>]*>/g, '').trim());
}

describe('the quiz plugin', () => {
  it('renders a single-choice question as a fieldset of radio buttons with clickable labels', () => {
    const { html, problems } = render('single-choice.md');
    expect(problems).toEqual([]);
    expect(html).toContain(
      '<form class="quiz" id="quiz-check-what-you-learned" data-quiz aria-labelledby="quiz-check-what-you-learned-title">\n' +
        '<h2 class="quiz-title" id="quiz-check-what-you-learned-title">Check what you learned</h2>\n' +
        '<fieldset class="quiz-question" id="quiz-check-what-you-learned-1" data-question>\n' +
        '<legend><span class="quiz-number">Question 1 of 1</span> <span class="quiz-prompt">Which principle is about honesty?</span> <span class="quiz-hint">Choose one answer.</span></legend>',
    );
    expect(html.match(/<input type="radio" name="quiz-check-what-you-learned-1"/g)).toHaveLength(3);
    expect(html).toContain(
      '<input type="radio" name="quiz-check-what-you-learned-1" id="quiz-check-what-you-learned-1-2" value="2" data-correct>\n' +
        '<label for="quiz-check-what-you-learned-1-2">We tell it as it is</label>',
    );
    expect(html).not.toContain('[x]');
  });

  it('gives every question a "Show the answer" disclosure: the key, each feedback, the explanation', () => {
    const { html } = render('single-choice.md');
    const answer = html.slice(html.indexOf('<details'), html.indexOf('</details>'));
    expect(answer).toContain('<summary>Show the answer</summary>');
    expect(answer).toContain('<strong>Answer:</strong> We tell it as it is');
    expect(texts(answer, /<li class="is-(?:right|wrong)">([\s\S]*?)<\/li>/g)).toEqual([
      'Wrong: We care',
      'Right: We tell it as it is\nYes: honesty is the highest form of respect.',
      'Wrong: We dare\nDaring is about trying what does not exist yet.',
    ]);
    expect(answer).toContain(
      '<p>Telling it as it is means being upfront, even when it is uncomfortable.</p>',
    );
  });

  it('keeps the checking controls hidden, for the script to show', () => {
    const { html } = render('single-choice.md');
    expect(html).toContain('<div class="quiz-actions" data-quiz-actions hidden>');
    expect(html).toContain('<p class="quiz-score" role="status" data-quiz-score></p>');
    expect(html.match(/<div class="quiz-feedback" [^>]* hidden>/g)).toHaveLength(3);
  });

  it('records the quiz in plain text, and asks for the quiz script', () => {
    const document = render('single-choice.md');
    expect(document.quizzes).toEqual([
      {
        id: 'quiz-check-what-you-learned',
        title: 'Check what you learned',
        questions: [
          {
            id: 'quiz-check-what-you-learned-1',
            text: 'Which principle is about honesty?',
            kind: 'single',
            options: [
              { text: 'We care', correct: false, feedback: '' },
              {
                text: 'We tell it as it is',
                correct: true,
                feedback: 'Yes: honesty is the highest form of respect.',
              },
              {
                text: 'We dare',
                correct: false,
                feedback: 'Daring is about trying what does not exist yet.',
              },
            ],
            explanation: 'Telling it as it is means being upfront, even when it is uncomfortable.',
          },
        ],
      },
    ]);
    expect(document.scripts).toEqual(['quiz']);
  });

  it('makes check boxes of a question with several correct options, [X] included', () => {
    const { html, quizzes, problems } = render('multiple-choice.md');
    expect(problems).toEqual([]);
    expect(html.match(/<input type="checkbox"/g)).toHaveLength(3);
    expect(html).toContain('<span class="quiz-hint">Choose every right answer.</span>');
    expect(html).toContain('<strong>Answers:</strong> We care; We persist');
    expect(quizzes[0]?.questions[0]?.kind).toBe('multiple');
    expect(quizzes[0]?.questions[0]?.options.map((o) => o.correct)).toEqual([true, true, false]);
  });

  it('names an untitled quiz "Quiz" and gives each quiz of a page its own id', () => {
    const { html, quizzes, headings } = render('two-quizzes.md');
    // The heading "Quiz" has the id "quiz": the quizzes must not repeat it.
    expect(quizzes.map((q) => q.id)).toEqual(['quiz-2', 'quiz-3']);
    expect(html).toContain('<h3 class="quiz-title" id="quiz-2-title">Quiz</h3>');
    expect(headings.map((h) => [h.level, h.id])).toEqual([
      [2, 'quiz'],
      [3, 'quiz-2'],
      [2, 'later'],
      [3, 'quiz-3'],
    ]);
  });

  it('reads options written without blank lines between them', () => {
    const { html, quizzes, problems } = render('tight-lists.md');
    expect(problems).toEqual([]);
    expect(html).toContain('<p>Not this one.</p>');
    expect(html).toContain(
      '<p>The explanation, after a blank line (without it, it would continue the option).</p>',
    );
    expect(quizzes[0]?.questions.map((q) => [q.text, q.options.map((o) => o.text)])).toEqual([
      ['A question whose options have no blank lines between them', ['Wrong', 'Right']],
      ['A second question', ['Yes', 'No']],
    ]);
  });

  it('renders an introduction, code to read in a question, and inline code and links', () => {
    const { html, quizzes, problems } = render('rich-question.md');
    expect(problems).toEqual([]);
    expect(html).toMatch(
      /<h2 class="quiz-title" id="quiz-what-does-it-print-title">What does it print\?<\/h2>\n<p>Read each program before you answer.<\/p>\n<fieldset/,
    );
    expect(html).toMatch(
      /<\/legend>\n<div class="code-block"[^>]*>\n.*\n<pre[^>]*><code[^>]*>.*console/,
    );
    expect(html).toContain('<label for="quiz-what-does-it-print-1-1"><code>11</code></label>');
    expect(html).toContain('href="https://developer.mozilla.org/');
    expect(quizzes[0]?.questions[0]).toMatchObject({
      text: 'What does this print?',
      options: [
        { text: '11', correct: true, feedback: 'Yes: + with a string joins text.' },
        { text: '2', correct: false, feedback: 'That would be 1 + 1, two numbers.' },
      ],
      explanation: 'See the operators.',
    });
  });
});

describe('the quiz plugin, for editors', () => {
  it.each([
    [
      'no-correct-option.md',
      'courses/c/no-correct-option.md:2:1  quiz  Question 1 has no correct option: mark the right answer with [x]',
    ],
    [
      'no-options.md',
      'courses/c/no-options.md:2:1  quiz  Question 1 has no options: list them under it as a task list (- [ ] a wrong answer, - [x] a right one)',
    ],
    [
      'not-a-task-list.md',
      "courses/c/not-a-task-list.md:5:4  quiz  Question 1's options are not a task list: start each option with [ ] (a wrong answer) or [x] (a right one)",
    ],
    [
      'never-closed.md',
      'courses/c/never-closed.md:3:1  quiz  This quiz is never closed: end it with a line holding only ::: (everything after it is in the quiz)',
    ],
    [
      'no-question.md',
      'courses/c/no-question.md:1:1  quiz  This quiz has no question: write its questions as a numbered list (1. …), each with a task list of options',
    ],
    [
      'text-outside-questions.md',
      'courses/c/text-outside-questions.md:6:1  quiz  Text between or after the questions belongs to none: indent it under its question, as far as the question’s text',
    ],
  ])('reports %s at its file:line:col', (name, expected) => {
    const { problems, quizzes } = render(name);
    expect(problems.map(formatProblem)).toEqual([expected]);
    expect(problems[0]?.severity).toBe('error');
    expect(quizzes).toEqual([]);
  });

  it('renders a quiz with an error as its plain Markdown, for the editor to see', () => {
    const { html } = render('no-correct-option.md');
    expect(html).toMatch(/^<div class="quiz quiz-invalid">\n<ol>/);
    expect(html).not.toContain('<form');
  });
});
