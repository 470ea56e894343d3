import { partLabel } from '../pages/course-contents.js';
import type { Chapter, Course, Part, Site } from '../content/model.js';
import type { TextSection } from '../markdown/markdown-env.js';
import { translators, type Translator } from '../i18n/translator.js';

/** What search knows of one page: what it finds the page by, and what a result shows. */
export interface SearchDocument {
  /** The page's URL: the document's id. */
  readonly url: string;
  readonly kind: 'course' | 'chapter';
  /** The course's language: a result in another language than its page's says so (lang). */
  readonly language: string;
  readonly title: string;
  /** The course a chapter belongs to (undefined for a course). */
  readonly course: string | undefined;
  /** The part a chapter sits in ("Part 2 · Publishing"), in a course in parts. */
  readonly part?: string | undefined;
  /** What the page's body says, heading by heading (not its navigation nor its call to action). */
  readonly sections: readonly TextSection[];
}

/**
 * The documents last made from each Course object: the assemble stage gives back the same
 * Course while none of its files changed, so a save makes the documents of one course again.
 */
export type DocumentsMemo = WeakMap<
  Course,
  { readonly text: string; readonly documents: readonly SearchDocument[] }
>;

function partSections(part: Part, tr: Translator): TextSection[] {
  const heading = `${partLabel(part, tr)} · ${part.title}`;
  const words = [part.description ?? '', ...part.introSections.map((section) => section.text)];
  return [{ id: `part-${part.position}`, heading, text: words.filter(Boolean).join(' ') }];
}

function courseDocument(course: Course, tr: Translator): SearchDocument {
  const description: TextSection = { id: undefined, heading: undefined, text: course.description };
  return {
    url: course.url,
    kind: 'course',
    language: course.language,
    title: course.title,
    course: undefined,
    // The course page shows each part's title, description and text: search finds them there.
    sections: [
      description,
      ...course.introSections,
      ...course.parts.flatMap((part) => partSections(part, tr)),
    ],
  };
}

function chapterDocument(course: Course, chapter: Chapter, tr: Translator): SearchDocument {
  const part = chapter.part === undefined ? undefined : course.parts[chapter.part - 1];
  return {
    url: chapter.url,
    kind: 'chapter',
    language: course.language,
    title: chapter.title,
    course: course.title,
    part: part && `${partLabel(part, tr)} · ${part.title}`,
    sections: chapter.sections,
  };
}

/** Every page search finds, in site order: each course, then its chapters. */
export function searchDocuments(site: Site, memo: DocumentsMemo = new WeakMap()) {
  const translatorOf = translators(site.locales);
  // Documents name a chapter's part in the course's language ("Partie 2"): a locale edit that
  // renames parts leaves the Course as it was, but not its documents.
  const textOf = (tr: Translator) => JSON.stringify(tr.locale.messages['course.part'] ?? '');
  return site.courses.flatMap((course) => {
    const tr = translatorOf(course.language);
    const text = textOf(tr);
    const kept = memo.get(course);
    if (kept?.text === text) return kept.documents;
    const documents = [
      courseDocument(course, tr),
      ...course.chapters.map((c) => chapterDocument(course, c, tr)),
    ];
    memo.set(course, { text, documents });
    return documents;
  });
}
