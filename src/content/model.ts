import type { ContentScript, Heading, TextSection } from '../markdown/markdown-env.js';
import type { QuizRecord } from '../markdown/quiz-record.js';
import type { CalendarDate } from './calendar-date.js';
import type { Locale } from '../i18n/messages.js';
import type { Difficulty } from './schema.js';

/** A file served as-is from the content folder (an image), under a fingerprinted URL. */
export interface ContentAsset {
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
  readonly width?: number;
  readonly height?: number;
}

/** An image of the content folder as a page shows it: its public URL, its words and its size. */
export interface Picture {
  readonly url: string;
  readonly alt: string;
  readonly width?: number;
  readonly height?: number;
  readonly contentType: string;
}

export interface Cta {
  readonly name: string;
  readonly title: string;
  readonly points: readonly string[];
  readonly link: { readonly text: string; readonly href: string };
  readonly image?: Picture;
}

export interface Chapter {
  /** Position in the course, from the file name's NN- prefix. */
  readonly number: number;
  readonly slug: string;
  /** Source path relative to the content folder's parent, e.g. content/courses/x/01-y.md. */
  readonly file: string;
  readonly url: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly updated: CalendarDate;
  readonly html: string;
  readonly headings: readonly Heading[];
  readonly durationMinutes: number | undefined;
  /** What pairs it with a translation's chapter, when its front-matter says (else its place). */
  readonly translationKey: string | undefined;
  /** The position (from 1) of the chapter's part in `Course.parts`; undefined without parts. */
  readonly part: number | undefined;
  readonly quizzes: readonly QuizRecord[];
  /** The browser scripts the chapter's content needs (see ContentScript). */
  readonly scripts: readonly ContentScript[];
  /** What the chapter's body says under each heading: what search finds it by. */
  readonly sections: readonly TextSection[];
}

/** Chapters grouped under a heading on the course page, as course platforms do. */
export interface Part {
  /** Position in the course, from 1 (the folder's NN- prefix orders, the position counts). */
  readonly position: number;
  readonly slug: string;
  readonly file: string;
  readonly title: string;
  readonly description: string | undefined;
  /** The Markdown below part.md's front-matter, rendered; empty when there is none. */
  readonly introHtml: string;
  /** The same text, for search: it is found on the course page. */
  readonly introSections: readonly TextSection[];
  /** The sum of its chapters' durations, when every one of them gives its own. */
  readonly durationMinutes: number | undefined;
  readonly chapters: readonly Chapter[];
}

export interface Course {
  readonly slug: string;
  readonly file: string;
  readonly url: string;
  readonly title: string;
  readonly description: string;
  readonly durationMinutes: number;
  readonly difficulty: Difficulty;
  readonly free: boolean;
  /** The later of the course's `updated` and its chapters'. */
  readonly updated: CalendarDate;
  readonly language: string;
  /** Where the course's language's pages live: `/`, or `/fr/` for a language not the site's. */
  readonly home: string;
  /** The same in each course that translates this one. */
  readonly translationKey: string | undefined;
  readonly cta: Cta | undefined;
  readonly introHtml: string;
  /** What the learner will be able to do: "What you will learn". */
  readonly objectives: readonly string[];
  readonly image: Picture | undefined;
  /** Percent of quiz points a learner needs for the certificate. */
  readonly passingScore: number;
  /** Empty for a course whose chapters sit beside course.md. */
  readonly parts: readonly Part[];
  /** The browser scripts the course page's Markdown needs: its introduction's and its parts'. */
  readonly introScripts: readonly ContentScript[];
  /** The introduction's text under each heading, for search. */
  readonly introSections: readonly TextSection[];
  /** Every chapter in course order, across parts. */
  readonly chapters: readonly Chapter[];
}

/** What the site says of itself in one language: site.yaml's text, or its `languages:` entry. */
export interface SiteText {
  readonly language: string;
  readonly home: string;
  readonly title: string;
  readonly description: string;
}

export interface Site {
  readonly title: string;
  readonly description: string;
  readonly url: string | undefined;
  readonly language: string;
  /** Every language a page is in (the site's first, then the courses'), with its text. */
  readonly languages: readonly SiteText[];
  /** The interface text of every language views/locales/ has. */
  readonly locales: readonly Locale[];
  readonly organization: { readonly name: string; readonly url: string };
  readonly themeColor: string;
  readonly courses: readonly Course[];
  readonly assets: readonly ContentAsset[];
}
