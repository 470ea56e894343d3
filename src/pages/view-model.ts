import type { Heading } from '../markdown/markdown-env.js';

/** What the layout needs on every page; the page template gets the rest. */
export interface LayoutModel {
  readonly lang: string;
  /** The catalog of the page's language: where the site's name and "Courses" lead. */
  readonly home: string;
  /** The search page of the page's language: where the header's search form goes. */
  readonly searchUrl: string;
  /** Every language version of the page, itself and x-default included; empty without any. */
  readonly alternates: readonly AlternateModel[];
  /** The language switcher: empty when the page has no translation. */
  readonly languages: readonly LanguageLinkModel[];
  /** The browser scripts' words in the page's language, as JSON safe in a script element. */
  readonly browserText: string;
  readonly title: string;
  readonly description: string;
  readonly canonicalUrl: string | undefined;
  readonly siteTitle: string;
  readonly themeColor: string;
  readonly stylesheetUrl: string;
  readonly iconUrl: string;
  readonly scriptUrls: readonly string[];
  readonly noindex: boolean;
  /** What the robots meta element says (`noindex`, `noindex, follow`); undefined for none. */
  readonly robots: string | undefined;
  readonly organization: { readonly name: string; readonly url: string };
  readonly year: number;
  /** Open Graph and Twitter card values; undefined on a page without a canonical URL. */
  readonly social: SocialModel | undefined;
  /** JSON-LD documents, serialised and escaped for a script element (see structured-data.ts). */
  readonly jsonLd: readonly string[];
  /** Content problems shown above every page while developing; empty in production. */
  readonly notices: readonly NoticeModel[];
  /** The catalog is the page the header's "Courses" link names. */
  readonly isCatalog: boolean;
}

/** One `<link rel="alternate" hreflang>`: an absolute URL. */
export interface AlternateModel {
  readonly hreflang: string;
  readonly url: string;
}

/** One language in the switcher, named in its own language. */
export interface LanguageLinkModel {
  readonly lang: string;
  /** What the switcher shows where the header is tight: `EN`, `FR-CA`. */
  readonly code: string;
  readonly url: string;
  readonly label: string;
  readonly current: boolean;
  /** A version of this very page (rel="alternate"), not only the nearest page in its language. */
  readonly alternate: boolean;
}

/** What the browser script needs to show a course's progress (kept in the learner's browser). */
export interface ProgressModel {
  readonly courseUrl: string;
  readonly chapterCount: number;
  /** Space-separated, for a data attribute. */
  readonly chapterUrls: string;
  /** What the progress bar is named: "Your progress in this course", "... in Part 2". */
  readonly label: string;
  /**
   * The course's quizzes as `<chapter url>#<quiz id>:<questions>`, space-separated: the course is
   * complete when each has a best score of at least `passingScore` percent, and every chapter is.
   */
  readonly quizzes: string;
  readonly passingScore: number;
}

/** One content problem, as the development panel shows it. */
export interface NoticeModel {
  readonly where: string;
  readonly field: string;
  readonly message: string;
}

/** What a social network shows when the page is shared: every URL is absolute. */
export interface SocialModel {
  readonly type: 'website' | 'article';
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly siteName: string;
  /** Open Graph's form of the language, e.g. en_US. */
  readonly locale: string;
  /** The other languages the page is in, as og:locale:alternate. */
  readonly alternateLocales: readonly string[];
  readonly image: SocialImageModel;
}

export interface SocialImageModel {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

export interface LinkModel {
  readonly url: string;
  readonly label: string;
}

export interface FactsModel {
  readonly duration: string;
  readonly difficulty: string;
  /** 1 to 3 filled bars of the difficulty icon. */
  readonly difficultyLevel: number;
  readonly free: boolean;
  readonly updatedIso: string;
  readonly updatedLabel: string;
}

export interface ChapterLinkModel extends LinkModel {
  /** Position in its list (its part, or the course), from 1. */
  readonly number: number;
  readonly current: boolean;
  /** "20 minutes", when the chapter's front-matter says how long it takes. */
  readonly duration: string | undefined;
}

/** A part of the course page: "Part 1", its title and words, its chapters and its progress. */
export interface PartSectionModel {
  /** The section's id, e.g. part-1: a link to a part of the course page. */
  readonly id: string;
  readonly label: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly introHtml: string;
  /** "3 chapters". */
  readonly summary: string;
  readonly chapters: readonly ChapterLinkModel[];
  readonly progress: ProgressModel;
}

/** One group of a chapter page's side outline: a part (labelled), or the whole course. */
export interface OutlineGroupModel {
  /** "Part 1 · The basics"; undefined for a course without parts. */
  readonly label: string | undefined;
  /** The part of the current chapter is open; the others are closed until opened. */
  readonly open: boolean;
  readonly chapters: readonly ChapterLinkModel[];
}

export interface PagerLinkModel extends LinkModel {
  /** "Next chapter", or "Next: Part 3 · Publishing" when the link leads into another part. */
  readonly kicker: string;
}

export interface ImageModel {
  readonly url: string;
  readonly alt: string;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

export interface CtaModel {
  readonly title: string;
  readonly points: readonly string[];
  readonly link: { readonly text: string; readonly href: string };
  readonly image: ImageModel | undefined;
}

export interface CourseCardModel {
  readonly url: string;
  readonly title: string;
  readonly description: string;
  readonly facts: FactsModel;
  readonly image: ImageModel | undefined;
  /** "2 parts · 6 chapters". */
  readonly contentsSummary: string;
  readonly progress: ProgressModel;
}

export interface CatalogPageModel {
  readonly template: 'catalog';
  readonly heading: string;
  readonly intro: string;
  readonly courses: readonly CourseCardModel[];
}

export interface CoursePageModel {
  readonly template: 'course';
  readonly url: string;
  readonly progress: ProgressModel;
  readonly breadcrumbs: readonly LinkModel[];
  readonly title: string;
  readonly facts: FactsModel;
  readonly image: ImageModel | undefined;
  /** "What you will learn"; empty when the course names no objectives. */
  readonly objectives: readonly string[];
  readonly introHtml: string;
  /** "2 parts · 6 chapters · 4 hours". */
  readonly contentsSummary: string;
  /** Empty for a course without parts: then `chapters` is the one list. */
  readonly parts: readonly PartSectionModel[];
  readonly chapters: readonly ChapterLinkModel[];
  /** The first chapter; the browser script makes it "Continue" at the first one not complete. */
  readonly start: LinkModel | undefined;
  /** Offered, by the browser script, once every chapter is complete. */
  readonly certificateUrl: string;
  readonly cta: CtaModel | undefined;
}

export interface ChapterPageModel {
  readonly template: 'chapter';
  readonly url: string;
  readonly breadcrumbs: readonly LinkModel[];
  readonly course: LinkModel;
  readonly facts: FactsModel;
  readonly title: string;
  /** "Part 2 · Chapter 3", or "Chapter 3 of 5" in a course without parts. */
  readonly kicker: string;
  readonly contents: readonly Heading[];
  readonly html: string;
  readonly outline: readonly OutlineGroupModel[];
  /** The course's progress: completing the last chapter may complete the course. */
  readonly progress: ProgressModel;
  readonly previous: PagerLinkModel | undefined;
  readonly next: PagerLinkModel | undefined;
  readonly cta: CtaModel | undefined;
}

/** The learner's certificate of achievement, filled in by the browser from its progress. */
export interface CertificatePageModel {
  readonly template: 'certificate';
  readonly breadcrumbs: readonly LinkModel[];
  readonly course: LinkModel;
  readonly organization: string;
  /** "4 hours": the course's duration, as its page says it. */
  readonly duration: string;
  readonly progress: ProgressModel;
  /** Percent of quiz points needed, for the list of what is left. */
  readonly passingScore: number;
  /** The same, as the page's language writes a percentage: "70%", "70 %". */
  readonly passingScoreLabel: string;
  /** Every chapter: the browser shows those not yet complete. */
  readonly chapters: readonly LinkModel[];
  /** Every quiz, by its URL: the browser shows those not yet passed. */
  readonly quizzes: readonly LinkModel[];
}

export interface StatusPageModel {
  readonly template: 'status';
  readonly status: number;
  readonly heading: string;
  readonly message: string;
  /** What a learner quotes to support after a 500: the request's id, substituted per request. */
  readonly reference?: string | undefined;
  readonly links: readonly LinkModel[];
}

/** A piece of a result's excerpt: marked when it is a word the query matched. */
export interface ExcerptSegment {
  readonly text: string;
  readonly mark: boolean;
}

export interface SearchResultModel {
  /** The page, or its best-matching heading (`.../#heading`). */
  readonly url: string;
  readonly title: string;
  /** Where the page sits: "Course", or its course (and its part, in a course in parts). */
  readonly context: string;
  readonly heading: string | undefined;
  readonly excerpt: readonly ExcerptSegment[];
  /** The page's language, where it is not the search page's: screen readers switch voice. */
  readonly lang: string | undefined;
}

export interface SearchPageModel {
  readonly template: 'search';
  /** `server` answers ?q= here; `static` (the export) answers it in the browser, or says it needs JavaScript. */
  readonly mode: 'server' | 'static';
  readonly query: string;
  /** Said when the query was cut to its first words or characters. */
  readonly notice: string | undefined;
  /** "3 results for “princ”", or undefined without a query. */
  readonly summary: string | undefined;
  readonly results: readonly SearchResultModel[];
  /** Set when nothing was found: where to look instead. */
  readonly nothingFound: boolean;
  readonly pager:
    | { readonly label: string; readonly previous?: LinkModel; readonly next?: LinkModel }
    | undefined;
  readonly catalogUrl: string;
  /** What the browser reads on a static host: the index's entry file and MiniSearch. */
  readonly indexUrl: string;
  readonly libraryUrl: string;
}

export type PageModel =
  | CatalogPageModel
  | CoursePageModel
  | ChapterPageModel
  | CertificatePageModel
  | StatusPageModel
  | SearchPageModel;

/** One page ready for its template: the URL it answers, its layout and its content. */
export interface Page {
  readonly url: string;
  readonly status: number;
  readonly layout: LayoutModel;
  /** What the page's own template shows, inside the layout (templates call it `page`). */
  readonly main: PageModel;
  /** The date the sitemap gives (YYYY-MM-DD), from the front-matter; none for error pages. */
  readonly lastModified?: string;
}
