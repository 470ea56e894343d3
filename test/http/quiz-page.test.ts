import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureListener } from '../support/fixture-site.js';
import { decodeEntities, jsonLdOf } from '../support/html.js';

const QUIZ = '/courses/our-principles/check-what-you-learned/';
const CHAPTER = '/courses/our-principles/our-principles/';

const pages = new Map<string, string>();
let scriptUrls: (url: string) => string[];

beforeAll(async () => {
  const { listener } = await fixtureListener();
  for (const url of [QUIZ, CHAPTER]) pages.set(url, (await request(listener).get(url)).text);
  scriptUrls = (url) =>
    [...(pages.get(url) ?? '').matchAll(/<script src="([^"]*)" defer>/g)].map((m) => m[1] ?? '');
});

const text = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

/** The questions as the page's form shows them: legend, labels, which inputs are correct. */
function formQuestions(html: string) {
  return [...html.matchAll(/<fieldset class="quiz-question"[\s\S]*?<\/fieldset>/g)].map(([q]) => ({
    text: text(/<span class="quiz-prompt">([\s\S]*?)<\/span> <span/.exec(q)?.[1] ?? ''),
    type: /<input type="(radio|checkbox)"/.exec(q)?.[1],
    options: [
      ...q.matchAll(/<input [^>]*?( data-correct)?>\n<label [^>]*>([\s\S]*?)<\/label>/g),
    ].map((m) => ({ text: text(m[2] ?? ''), correct: m[1] !== undefined })),
  }));
}

/** The same, as the page's schema.org Quiz says it. */
function dataQuestions(html: string) {
  const quiz = jsonLdOf(html).find((data) => data['@type'] === 'Quiz');
  type Answer = { position: number; text: string };
  type Question = {
    text: string;
    eduQuestionType: string;
    acceptedAnswer: Answer[];
    suggestedAnswer: Answer[];
  };
  return ((quiz?.hasPart ?? []) as Question[]).map((question) => ({
    text: question.text,
    type: question.eduQuestionType === 'Checkbox' ? 'checkbox' : 'radio',
    options: [
      ...question.acceptedAnswer.map((a) => ({ ...a, correct: true })),
      ...question.suggestedAnswer.map((a) => ({ ...a, correct: false })),
    ]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({ text: a.text, correct: a.correct })),
  }));
}

describe('a chapter with a quiz', () => {
  it('carries schema.org Quiz data equal to the questions its form shows', () => {
    const html = pages.get(QUIZ) ?? '';
    const shown = formQuestions(html);
    expect(shown).toHaveLength(8);
    expect(shown.every((q) => q.options.length >= 3 && q.options.some((o) => o.correct))).toBe(
      true,
    );
    expect(dataQuestions(html)).toEqual(shown);
  });

  it('loads the quiz script after the site script, and a chapter without a quiz does not', () => {
    expect(scriptUrls(QUIZ).map((url) => url.replace(/\.[0-9a-f]{10}\.js$/, '.js'))).toEqual([
      '/assets/js/site.js',
      '/assets/js/quiz.js',
    ]);
    expect(scriptUrls(CHAPTER).some((url) => url.includes('quiz'))).toBe(false);
    expect(jsonLdOf(pages.get(CHAPTER) ?? '').map((data) => data['@type'])).not.toContain('Quiz');
  });

  it('lists the quiz in the page, answers included, for a learner without JavaScript', () => {
    const html = pages.get(QUIZ) ?? '';
    expect(html.match(/<details class="quiz-answer" data-answer>/g)).toHaveLength(8);
    expect(html).toContain('<div class="quiz-actions" data-quiz-actions hidden>');
  });
});
