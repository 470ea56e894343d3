import { describe, expect, it } from 'vitest';
import { quizData } from '../../src/pages/quiz-data.js';
import { CHAPTER_MD, validFiles } from '../support/content-fixture.js';
import { loadFiles } from '../support/load.js';

const SITE_URL = 'https://courses.example.com';

const QUIZ_CHAPTER = `${CHAPTER_MD}
::: quiz Check yourself
1. Which principle is about honesty?

   - [ ] We care
     > Caring is another principle.
   - [x] We tell it as it is

   Honesty is the highest form of respect.

2. Which are principles?

   - [x] We dare
   - [x] We persist
   - [ ] We win
:::
`;

describe('quizData', () => {
  it('describes a quiz as schema.org Quiz, its questions with accepted and suggested answers', async () => {
    const { site } = await loadFiles({
      ...validFiles(),
      'courses/a-course/01-first.md': QUIZ_CHAPTER,
    });
    const course = site.courses[0]!;
    const chapter = course.chapters[0]!;
    expect(chapter.quizzes.map((quiz) => quizData(course, chapter, quiz, SITE_URL))).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'Quiz',
        name: 'Check yourself',
        url: `${SITE_URL}/courses/a-course/first/#quiz-check-yourself`,
        inLanguage: 'en',
        isPartOf: {
          '@type': 'LearningResource',
          name: 'First chapter',
          url: `${SITE_URL}/courses/a-course/first/`,
        },
        hasPart: [
          {
            '@type': 'Question',
            eduQuestionType: 'Multiple choice',
            text: 'Which principle is about honesty?',
            acceptedAnswer: [
              {
                '@type': 'Answer',
                position: 1,
                text: 'We tell it as it is',
                answerExplanation: {
                  '@type': 'Comment',
                  text: 'Honesty is the highest form of respect.',
                },
              },
            ],
            suggestedAnswer: [
              {
                '@type': 'Answer',
                position: 0,
                text: 'We care',
                comment: { '@type': 'Comment', text: 'Caring is another principle.' },
              },
            ],
          },
          {
            '@type': 'Question',
            eduQuestionType: 'Checkbox',
            text: 'Which are principles?',
            acceptedAnswer: [
              { '@type': 'Answer', position: 0, text: 'We dare' },
              { '@type': 'Answer', position: 1, text: 'We persist' },
            ],
            suggestedAnswer: [{ '@type': 'Answer', position: 2, text: 'We win' }],
          },
        ],
      },
    ]);
    expect(chapter.scripts).toEqual(['quiz']);
  });
});
