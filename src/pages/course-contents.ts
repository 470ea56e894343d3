import type { Chapter, Course, Part } from '../content/model.js';
import type { Translator } from '../i18n/translator.js';
import type {
  ChapterLinkModel,
  OutlineGroupModel,
  PagerLinkModel,
  PartSectionModel,
  ProgressModel,
} from './view-model.js';

/** "Part 2": what a part is called wherever it is named. */
export function partLabel(part: Part, tr: Translator): string {
  return tr.t('course.part', { number: part.position });
}

/** Every quiz of the course, in order, with the URL its result is kept under. */
export function quizzesOf(course: Course, tr: Translator) {
  return course.chapters.flatMap((chapter) =>
    chapter.quizzes.map((quiz) => ({
      url: `${chapter.url}#${quiz.id}`,
      // A quiz named as its chapter is named once.
      label: quiz.title
        ? quiz.title === chapter.title
          ? quiz.title
          : tr.t('chapter.namedQuiz', { quiz: quiz.title, chapter: chapter.title })
        : tr.t('chapter.quiz', { chapter: chapter.title }),
      questions: quiz.questions.length,
    })),
  );
}

export function progressOf(
  course: Course,
  chapters: readonly Chapter[],
  tr: Translator,
  part?: Part,
): ProgressModel {
  return {
    courseUrl: course.url,
    chapterCount: chapters.length,
    chapterUrls: chapters.map((chapter) => chapter.url).join(' '),
    label: part
      ? tr.t('course.partProgress', { part: partLabel(part, tr) })
      : tr.t('course.progress'),
    // Completion is the whole course's: a part's bar counts its chapters alone.
    quizzes: part
      ? ''
      : quizzesOf(course, tr)
          .map((quiz) => `${quiz.url}:${quiz.questions}`)
          .join(' '),
    passingScore: course.passingScore,
  };
}

/** The chapters of one list, numbered from 1 as the learner counts them (file numbers may skip). */
export function chapterLinks(
  chapters: readonly Chapter[],
  tr: Translator,
  current?: Chapter,
): ChapterLinkModel[] {
  return chapters.map((chapter, index) => ({
    url: chapter.url,
    label: chapter.title,
    number: index + 1,
    current: chapter === current,
    duration:
      chapter.durationMinutes === undefined ? undefined : tr.duration(chapter.durationMinutes),
  }));
}

/** "2 parts · 6 chapters", or "4 chapters" for a course without parts. */
export function contentsSummary(course: Course, tr: Translator): string {
  const chapters = tr.t('course.chapters', { count: course.chapters.length });
  return course.parts.length > 0
    ? `${tr.t('course.parts', { count: course.parts.length })} · ${chapters}`
    : chapters;
}

/** Each part as the course page shows it: its label, words, chapters and progress. */
export function partSections(course: Course, tr: Translator): PartSectionModel[] {
  return course.parts.map((part) => ({
    id: `part-${part.position}`,
    label: partLabel(part, tr),
    title: part.title,
    description: part.description,
    introHtml: part.introHtml,
    summary: [
      tr.t('course.chapters', { count: part.chapters.length }),
      ...(part.durationMinutes === undefined ? [] : [tr.duration(part.durationMinutes)]),
    ].join(' · '),
    chapters: chapterLinks(part.chapters, tr),
    progress: progressOf(course, part.chapters, tr, part),
  }));
}

/** The side outline of a chapter page: one group per part, the current one open. */
export function outlineGroups(
  course: Course,
  current: Chapter,
  tr: Translator,
): OutlineGroupModel[] {
  if (course.parts.length === 0)
    return [{ label: undefined, open: true, chapters: chapterLinks(course.chapters, tr, current) }];
  return course.parts.map((part) => ({
    label: `${partLabel(part, tr)} · ${part.title}`,
    open: part.position === current.part,
    chapters: chapterLinks(part.chapters, tr, current),
  }));
}

function partOf(course: Course, chapter: Chapter): Part | undefined {
  return chapter.part === undefined ? undefined : course.parts[chapter.part - 1];
}

/** "Part 2 · Chapter 3" in a course with parts, "Chapter 3 of 5" without. */
export function chapterKicker(course: Course, chapter: Chapter, tr: Translator): string {
  const part = partOf(course, chapter);
  if (!part) {
    const number = course.chapters.indexOf(chapter) + 1;
    return tr.t('chapter.kicker', { number, count: course.chapters.length });
  }
  const number = part.chapters.indexOf(chapter) + 1;
  return tr.t('chapter.partKicker', { part: partLabel(part, tr), number });
}

/** A previous or next link; one into another part says so, with that part's name. */
export function pagerLink(
  course: Course,
  from: Chapter,
  to: Chapter | undefined,
  direction: 'previous' | 'next',
  tr: Translator,
): PagerLinkModel | undefined {
  if (!to) return undefined;
  const part = partOf(course, to);
  const crosses = part !== undefined && to.part !== from.part;
  const crossing = (into: Part) => {
    const values = { part: partLabel(into, tr), title: into.title };
    return direction === 'next'
      ? tr.t('chapter.nextPart', values)
      : tr.t('chapter.previousPart', values);
  };
  return {
    url: to.url,
    label: to.title,
    kicker: crosses
      ? crossing(part)
      : tr.t(direction === 'next' ? 'chapter.next' : 'chapter.previous'),
  };
}
