import type { Heading, TextSection } from '../markdown/markdown-env.js';
import type { CalendarDate } from './calendar-date.js';
import type { Difficulty } from './schema.js';

/** A file served as-is from the content folder (an image), under a fingerprinted URL. */
export interface ContentAsset {
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
  readonly width?: number;
  readonly height?: number;
}

export interface Cta {
  readonly name: string;
  readonly title: string;
  readonly points: readonly string[];
  readonly link: { readonly text: string; readonly href: string };
  readonly image?: {
    readonly url: string;
    readonly alt: string;
    readonly width?: number;
    readonly height?: number;
  };
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
  /** What the chapter's body says under each heading: what search finds it by. */
  readonly sections: readonly TextSection[];
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
  readonly cta: Cta | undefined;
  readonly introHtml: string;
  /** The introduction's text under each heading, for search. */
  readonly introSections: readonly TextSection[];
  readonly chapters: readonly Chapter[];
}

export interface Site {
  readonly title: string;
  readonly description: string;
  readonly url: string | undefined;
  readonly language: string;
  readonly organization: { readonly name: string; readonly url: string };
  readonly themeColor: string;
  readonly courses: readonly Course[];
  readonly assets: readonly ContentAsset[];
}
