import { formatDuration } from '../content/duration.js';
import type { Chapter, Course, Part } from '../content/model.js';
import type {
  ChapterLinkModel,
  OutlineGroupModel,
  PagerLinkModel,
  PartSectionModel,
  ProgressModel,
} from './view-model.js';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Part 2": what a part is called wherever it is named. */
export function partLabel(part: Part): string {
  return `Part ${part.position}`;
}

/** Every quiz of the course, in order, with the URL its result is kept under. */
export function quizzesOf(course: Course) {
  return course.chapters.flatMap((chapter) =>
    chapter.quizzes.map((quiz) => ({
      url: `${chapter.url}#${quiz.id}`,
      label: quiz.title ? `${quiz.title} (${chapter.title})` : `The quiz of ${chapter.title}`,
      questions: quiz.questions.length,
    })),
  );
}

export function progressOf(
  course: Course,
  chapters: readonly Chapter[],
  part?: Part,
): ProgressModel {
  return {
    courseUrl: course.url,
    chapterCount: chapters.length,
    chapterUrls: chapters.map((chapter) => chapter.url).join(' '),
    label: `Your progress in ${part ? partLabel(part) : 'this course'}`,
    // Completion is the whole course's: a part's bar counts its chapters alone.
    quizzes: part
      ? ''
      : quizzesOf(course)
          .map((quiz) => `${quiz.url}:${quiz.questions}`)
          .join(' '),
    passingScore: course.passingScore,
  };
}

/** The chapters of one list, numbered from 1 as the learner counts them (file numbers may skip). */
export function chapterLinks(chapters: readonly Chapter[], current?: Chapter): ChapterLinkModel[] {
  return chapters.map((chapter, index) => ({
    url: chapter.url,
    label: chapter.title,
    number: index + 1,
    current: chapter === current,
    duration:
      chapter.durationMinutes === undefined ? undefined : formatDuration(chapter.durationMinutes),
  }));
}

/** "2 parts · 6 chapters", or "4 chapters" for a course without parts. */
export function contentsSummary(course: Course): string {
  const chapters = plural(course.chapters.length, 'chapter', 'chapters');
  return course.parts.length > 0
    ? `${plural(course.parts.length, 'part', 'parts')} · ${chapters}`
    : chapters;
}

/** Each part as the course page shows it: its label, words, chapters and progress. */
export function partSections(course: Course): PartSectionModel[] {
  return course.parts.map((part) => ({
    id: `part-${part.position}`,
    label: partLabel(part),
    title: part.title,
    description: part.description,
    introHtml: part.introHtml,
    summary: [
      plural(part.chapters.length, 'chapter', 'chapters'),
      ...(part.durationMinutes === undefined ? [] : [formatDuration(part.durationMinutes)]),
    ].join(' · '),
    chapters: chapterLinks(part.chapters),
    progress: progressOf(course, part.chapters, part),
  }));
}

/** The side outline of a chapter page: one group per part, the current one open. */
export function outlineGroups(course: Course, current: Chapter): OutlineGroupModel[] {
  if (course.parts.length === 0)
    return [{ label: undefined, open: true, chapters: chapterLinks(course.chapters, current) }];
  return course.parts.map((part) => ({
    label: `${partLabel(part)} · ${part.title}`,
    open: part.position === current.part,
    chapters: chapterLinks(part.chapters, current),
  }));
}

function partOf(course: Course, chapter: Chapter): Part | undefined {
  return chapter.part === undefined ? undefined : course.parts[chapter.part - 1];
}

/** "Part 2 · Chapter 3" in a course with parts, "Chapter 3 of 5" without. */
export function chapterKicker(course: Course, chapter: Chapter): string {
  const part = partOf(course, chapter);
  if (!part) return `Chapter ${course.chapters.indexOf(chapter) + 1} of ${course.chapters.length}`;
  return `${partLabel(part)} · Chapter ${part.chapters.indexOf(chapter) + 1}`;
}

/** A previous or next link; one into another part says so, with that part's name. */
export function pagerLink(
  course: Course,
  from: Chapter,
  to: Chapter | undefined,
  direction: 'Previous' | 'Next',
): PagerLinkModel | undefined {
  if (!to) return undefined;
  const part = partOf(course, to);
  const crosses = part !== undefined && to.part !== from.part;
  return {
    url: to.url,
    label: to.title,
    kicker: crosses ? `${direction}: ${partLabel(part)} · ${part.title}` : `${direction} chapter`,
  };
}
