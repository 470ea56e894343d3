import type { Chapter, Course } from '../content/model.js';
import type { QuizQuestionRecord, QuizRecord } from '../markdown/quiz-record.js';
import { SCHEMA_ORG, type JsonLd } from './structured-data.js';

// schema.org's words for the two kinds (those of Google's practice problems, retired in 2026).
const QUESTION_TYPES: Readonly<Record<QuizQuestionRecord['kind'], string>> = {
  single: 'Multiple choice',
  multiple: 'Checkbox',
};

const comment = (text: string): JsonLd => ({ '@type': 'Comment', text });

/** A question with its options as answers: the right ones accepted, the others suggested. */
function questionData(question: QuizQuestionRecord): JsonLd {
  const answers = question.options.map((option, position) => ({
    correct: option.correct,
    answer: {
      '@type': 'Answer',
      position,
      text: option.text,
      ...(option.feedback ? { comment: comment(option.feedback) } : {}),
      ...(option.correct && question.explanation
        ? { answerExplanation: comment(question.explanation) }
        : {}),
    },
  }));
  return {
    '@type': 'Question',
    eduQuestionType: QUESTION_TYPES[question.kind],
    text: question.text,
    acceptedAnswer: answers.filter((a) => a.correct).map((a) => a.answer),
    suggestedAnswer: answers.filter((a) => !a.correct).map((a) => a.answer),
  };
}

/** One quiz of a chapter, as the page shows it, for the engines and learning tools that read it. */
export function quizData(
  course: Course,
  chapter: Chapter,
  quiz: QuizRecord,
  siteUrl: string,
): JsonLd {
  return {
    '@context': SCHEMA_ORG,
    '@type': 'Quiz',
    name: quiz.title,
    url: `${siteUrl}${chapter.url}#${quiz.id}`,
    inLanguage: course.language,
    isPartOf: { '@type': 'LearningResource', name: chapter.title, url: siteUrl + chapter.url },
    hasPart: quiz.questions.map(questionData),
  };
}
