import type { Chapter, Course, Cta, Picture, Site, SiteText } from '../content/model.js';
import type { ContentScript } from '../markdown/markdown-env.js';
import { latestDate } from '../content/calendar-date.js';
import { certificateUrl, searchUrlOf, statusPageUrl } from '../content/urls.js';
import { DIFFICULTY_KEYS } from './format.js';
import type { Messages } from '../i18n/messages.js';
import type { Translator } from '../i18n/translator.js';
import {
  chapterKicker,
  chapterLinks,
  contentsSummary,
  outlineGroups,
  pagerLink,
  partSections,
  progressOf,
  quizzesOf,
} from './course-contents.js';
import { ogLocale } from './open-graph.js';
import type { PageContext } from './page-context.js';
import { quizData } from './quiz-data.js';
import type { PageVersion, Translations } from './translations.js';
import {
  breadcrumbData,
  catalogData,
  chapterData,
  courseData,
  serializeJsonLd,
  type JsonLd,
} from './structured-data.js';
import type {
  CtaModel,
  FactsModel,
  ImageModel,
  LayoutModel,
  LinkModel,
  Page,
  SocialImageModel,
  SocialModel,
  StatusPageModel,
  ProgressModel,
  AlternateModel,
  LanguageLinkModel,
} from './view-model.js';

/**
 * What the pages of one language read besides the content: the site's text in it, its translator,
 * and which pages are versions of each other.
 */
export interface PageLanguage {
  readonly text: SiteText;
  readonly tr: Translator;
  readonly translations: Translations;
  /** Each language's name for itself, for the switcher: `Français`. */
  readonly names: ReadonlyMap<string, string>;
  /** The browser scripts' words, serialised once per set of scripts (see browserText). */
  readonly browserTexts: Map<string, string>;
  /** What the language's pages offer when shared, but a course's; the site's picture if none. */
  readonly shareImage: SocialImageModel | undefined;
}

/** A browser script of public/js/, by what a page loads: the site's own, and those content needs. */
export type BrowserScript = 'site' | ContentScript | 'search';

// The words each script shows: a page carries those of the scripts it loads, no more.
export const SCRIPT_TEXT: Readonly<Record<BrowserScript, readonly string[]>> = {
  site: ['js.chapterList.', 'js.progress.', 'js.start.', 'js.complete.', 'js.certificate.'],
  quiz: ['js.quiz.'],
  'code-copy': ['js.code.'],
  // Search's words are the server's own: the browser answers as the search page does.
  search: ['search.'],
};

const DIFFICULTY_LEVELS = { easy: 1, medium: 2, hard: 3 } as const;
const CONTENTS_LEVELS = new Set([2, 3]);

interface CourseShared {
  readonly language: PageLanguage;
  readonly facts: FactsModel;
  readonly cta: CtaModel | undefined;
  readonly progress: ProgressModel;
  readonly shareImage: SocialImageModel | undefined;
}

function facts(course: Course, tr: Translator): FactsModel {
  return {
    duration: tr.duration(course.durationMinutes),
    difficulty: tr.t(DIFFICULTY_KEYS[course.difficulty]),
    difficultyLevel: DIFFICULTY_LEVELS[course.difficulty],
    free: course.free,
    updatedIso: course.updated.iso,
    updatedLabel: tr.date(course.updated),
  };
}

function cta(value: Cta | undefined): CtaModel | undefined {
  return (
    value && { title: value.title, points: value.points, link: value.link, image: value.image }
  );
}

function link(target: { url: string; title: string } | undefined): LinkModel | undefined {
  return target && { url: target.url, label: target.title };
}

function image(picture: Picture | undefined): ImageModel | undefined {
  return (
    picture && { url: picture.url, alt: picture.alt, width: picture.width, height: picture.height }
  );
}

function latestYear(site: Site): number {
  return Math.max(...site.courses.map((c) => c.updated.year), 2024);
}

/** Catalog -> course: the breadcrumbs' trail, which structured data repeats. */
function courseTrail(course: Course, tr: Translator): LinkModel[] {
  return [
    { url: course.home, label: tr.t('layout.courses') },
    { url: course.url, label: course.title },
  ];
}

export interface LayoutInput {
  readonly title: string;
  readonly description: string;
  readonly url?: string;
  /** The URL whose versions the language switcher offers, when it is not `url` (noindex pages). */
  readonly versionsOf?: string;
  /**
   * Where the switcher leads when the page has no version in another language, nearest first:
   * a chapter without a twin offers its course's translation, else the other catalogs.
   */
  readonly nearest?: readonly string[];
  readonly noindex?: boolean;
  /** The robots meta of a noindex page, when it is not plain `noindex`. */
  readonly robots?: string;
  /** How the page is shared: its Open Graph type and its title without the site's name. */
  readonly share?: {
    readonly type: SocialModel['type'];
    readonly title: string;
    /** The course's own picture; the site's when undefined. */
    readonly image?: SocialImageModel | undefined;
  };
  readonly jsonLd?: readonly JsonLd[];
  /** What the page's content needs besides the site's script. */
  readonly scripts?: readonly ContentScript[];
  /** The search page's script, whose words the page carries too. */
  readonly search?: boolean;
}

function social(
  language: PageLanguage,
  context: PageContext,
  page: LayoutInput,
): SocialModel | undefined {
  if (!page.share || page.url === undefined) return undefined;
  return {
    type: page.share.type,
    title: page.share.title,
    description: page.description,
    url: context.siteUrl + page.url,
    siteName: language.text.title,
    locale: ogLocale(language.tr.lang),
    image: page.share.image ??
      language.shareImage ?? {
        ...context.socialImage,
        alt: language.tr.t('share.siteImage', { site: language.text.title }),
      },
    alternateLocales: versionsOf(language, page.url)
      .filter((version) => version.language !== language.tr.lang)
      .map((version) => ogLocale(version.language)),
  };
}

function versionsOf(language: PageLanguage, url: string | undefined): readonly PageVersion[] {
  return url === undefined ? [] : (language.translations.get(url) ?? []);
}

/** `<link rel="alternate" hreflang>` for an indexed page with translations, x-default last. */
function alternates(
  site: Site,
  language: PageLanguage,
  context: PageContext,
  page: LayoutInput,
): AlternateModel[] {
  if (page.noindex) return [];
  const versions = versionsOf(language, page.url);
  const fallback = versions.find((version) => version.language === site.language);
  return [
    ...versions.map((v) => ({ hreflang: v.language, url: context.siteUrl + v.url })),
    ...(fallback ? [{ hreflang: 'x-default', url: context.siteUrl + fallback.url }] : []),
  ];
}

/** The language switcher's links: every version of the page, each named in its own language. */
function languageLinks(language: PageLanguage, page: LayoutInput): LanguageLinkModel[] {
  const own = versionsOf(language, page.versionsOf ?? page.url);
  const exact = own.length > 0;
  const versions = exact
    ? own
    : ((page.nearest ?? [language.text.home])
        .map((url) => versionsOf(language, url))
        .find((found) => found.length > 0) ?? []);
  return versions.map((version) => {
    const current = version.language === language.tr.lang;
    return {
      lang: version.language,
      code: version.language.toUpperCase(),
      // The page's own language is the page itself, even where the others are only near it.
      url: current && !exact ? (page.url ?? version.url) : version.url,
      label: language.names.get(version.language) ?? version.language,
      current,
      alternate: exact && !current,
    };
  });
}

/** The words the page's browser scripts show, in its language (see public/js/site.js). */
function browserText(language: PageLanguage, page: LayoutInput): string {
  const scripts: BrowserScript[] = [
    'site',
    ...(page.scripts ?? []),
    ...(page.search ? ['search' as const] : []),
  ];
  const key = scripts.join(' ');
  let text = language.browserTexts.get(key);
  if (text === undefined) {
    const prefixes = scripts.flatMap((script) => SCRIPT_TEXT[script]);
    const messages: Record<string, Messages[string]> = {};
    for (const [name, message] of Object.entries(language.tr.locale.messages))
      if (prefixes.some((prefix) => name.startsWith(prefix))) messages[name] = message;
    text = serializeJsonLd({ lang: language.tr.lang, messages });
    language.browserTexts.set(key, text);
  }
  return text;
}

export function layout(
  site: Site,
  language: PageLanguage,
  context: PageContext,
  page: LayoutInput,
): LayoutModel {
  return {
    lang: language.tr.lang,
    home: language.text.home,
    searchUrl: searchUrlOf(language.text.home),
    title: page.title,
    description: page.description,
    canonicalUrl: page.url === undefined ? undefined : context.siteUrl + page.url,
    alternates: alternates(site, language, context, page),
    languages: languageLinks(language, page),
    browserText: browserText(language, page),
    siteTitle: language.text.title,
    themeColor: site.themeColor,
    stylesheetUrl: context.stylesheetUrl,
    iconUrl: context.iconUrl,
    scriptUrls: [
      ...context.scriptUrls,
      ...(page.scripts ?? []).map((script) => context.contentScriptUrls[script]),
    ],
    noindex: page.noindex ?? false,
    robots: page.noindex ? (page.robots ?? 'noindex') : undefined,
    organization: site.organization,
    year: latestYear(site),
    social: social(language, context, page),
    jsonLd: (page.jsonLd ?? []).map(serializeJsonLd),
    notices: context.notices,
    isCatalog: page.url === language.text.home,
  };
}

/** A language's catalog, at its home: the courses in that language. */
export function catalogPage(site: Site, language: PageLanguage, context: PageContext): Page {
  const { text, tr } = language;
  const courses = site.courses.filter((course) => course.language === text.language);
  return {
    url: text.home,
    status: 200,
    lastModified: latestDate(courses.map((course) => course.updated))?.iso,
    layout: layout(site, language, context, {
      title: text.title,
      description: text.description,
      url: text.home,
      share: { type: 'website', title: text.title },
      jsonLd: [catalogData(courses, context.siteUrl)],
    }),
    main: {
      template: 'catalog',
      heading: text.title,
      intro: text.description,
      courses: courses.map((course) => ({
        url: course.url,
        title: course.title,
        description: course.description,
        facts: facts(course, tr),
        image: image(course.image),
        contentsSummary: contentsSummary(course, tr),
        progress: progressOf(course, course.chapters, tr),
      })),
    },
  };
}

function coursePage(site: Site, course: Course, shared: CourseShared, context: PageContext): Page {
  const { language } = shared;
  const { tr } = language;
  return {
    url: course.url,
    status: 200,
    lastModified: course.updated.iso,
    layout: layout(site, language, context, {
      title: `${course.title} - ${language.text.title}`,
      description: course.description,
      url: course.url,
      share: { type: 'article', title: course.title, image: shared.shareImage },
      jsonLd: [
        courseData(site, course, context.siteUrl),
        breadcrumbData(courseTrail(course, tr), context.siteUrl),
      ],
      scripts: course.introScripts,
    }),
    main: {
      template: 'course',
      url: course.url,
      progress: shared.progress,
      breadcrumbs: [{ url: course.home, label: tr.t('layout.courses') }],
      title: course.title,
      facts: shared.facts,
      image: image(course.image),
      objectives: course.objectives,
      introHtml: course.introHtml,
      contentsSummary: `${contentsSummary(course, tr)} · ${shared.facts.duration}`,
      parts: partSections(course, tr),
      chapters: course.parts.length > 0 ? [] : chapterLinks(course.chapters, tr),
      start: link(course.chapters[0]),
      certificateUrl: certificateUrl(course.slug, course.home),
      cta: shared.cta,
    },
  };
}

function chapterPage(
  site: Site,
  course: Course,
  shared: CourseShared,
  index: number,
  context: PageContext,
): Page {
  const chapter = course.chapters[index] as Chapter;
  const { language } = shared;
  const { tr } = language;
  return {
    url: chapter.url,
    status: 200,
    lastModified: chapter.updated.iso,
    layout: layout(site, language, context, {
      title: `${chapter.title} - ${course.title} - ${language.text.title}`,
      description: chapter.description ?? course.description,
      url: chapter.url,
      nearest: [course.url, course.home],
      share: {
        type: 'article',
        title: `${chapter.title} - ${course.title}`,
        image: shared.shareImage,
      },
      jsonLd: [
        chapterData(course, chapter, index + 1, context.siteUrl),
        breadcrumbData(
          [...courseTrail(course, tr), { url: chapter.url, label: chapter.title }],
          context.siteUrl,
        ),
        ...chapter.quizzes.map((quiz) => quizData(course, chapter, quiz, context.siteUrl)),
      ],
      scripts: chapter.scripts,
    }),
    main: {
      template: 'chapter',
      url: chapter.url,
      breadcrumbs: courseTrail(course, tr),
      course: { url: course.url, label: course.title },
      facts: shared.facts,
      title: chapter.title,
      kicker: chapterKicker(course, chapter, tr),
      contents: chapter.headings.filter((h) => CONTENTS_LEVELS.has(h.level)),
      html: chapter.html,
      outline: outlineGroups(course, chapter, tr),
      progress: shared.progress,
      previous: pagerLink(course, chapter, course.chapters[index - 1], 'previous', tr),
      next: pagerLink(course, chapter, course.chapters[index + 1], 'next', tr),
      cta: shared.cta,
    },
  };
}

function certificatePage(
  site: Site,
  course: Course,
  shared: CourseShared,
  context: PageContext,
): Page {
  const url = certificateUrl(course.slug, course.home);
  const { language } = shared;
  const { tr } = language;
  return {
    url,
    status: 200,
    layout: layout(site, language, context, {
      title: tr.t('certificate.pageTitle', { course: course.title, site: language.text.title }),
      description: tr.t('certificate.description', { course: course.title }),
      url,
      // Each learner's own page, made in their browser: nothing for a search engine.
      noindex: true,
    }),
    main: {
      template: 'certificate',
      breadcrumbs: courseTrail(course, tr),
      course: { url: course.url, label: course.title },
      organization: site.organization.name,
      duration: shared.facts.duration,
      progress: shared.progress,
      passingScore: course.passingScore,
      passingScoreLabel: tr.percent(course.passingScore),
      chapters: course.chapters.map((chapter) => ({ url: chapter.url, label: chapter.title })),
      quizzes: quizzesOf(course, tr).map((quiz) => ({ url: quiz.url, label: quiz.label })),
    },
  };
}

/** A course's own pages: the course page, then each chapter's, then its certificate. */
export function coursePages(
  site: Site,
  course: Course,
  language: PageLanguage,
  context: PageContext,
  shareImage?: SocialImageModel,
): Page[] {
  // What every page of a course shows alike is computed once per course, not per chapter.
  const shared: CourseShared = {
    language,
    facts: facts(course, language.tr),
    cta: cta(course.cta),
    progress: progressOf(course, course.chapters, language.tr),
    shareImage,
  };
  return [
    coursePage(site, course, shared, context),
    ...course.chapters.map((_, index) => chapterPage(site, course, shared, index, context)),
    certificatePage(site, course, shared, context),
  ];
}

/**
 * Everything a course's pages read besides the course itself: the site's own fields, the year
 * in the footer (the latest course's) and the page context. While it and the course are the
 * same, so are the course's pages.
 */
export function siteLevelKey(site: Site, context: PageContext): string {
  const own = JSON.stringify(site, (name, value: unknown) =>
    name === 'courses' || name === 'assets' ? undefined : value,
  );
  return JSON.stringify([own, latestYear(site), context]);
}

const STATUS_KEYS: Readonly<Record<number, readonly [string, string]>> = {
  400: ['status.400.heading', 'status.400.message'],
  404: ['status.404.heading', 'status.404.message'],
  405: ['status.405.heading', 'status.405.message'],
  500: ['status.500.heading', 'status.500.message'],
};
const UNKNOWN_STATUS = ['status.unknown.heading', 'status.unknown.message'] as const;

export const STATUS_CODES = Object.keys(STATUS_KEYS).map(Number);

/** The page answered with an error status; it is never indexed and has no canonical URL. */
export function statusPage(
  site: Site,
  status: number,
  language: PageLanguage,
  context: PageContext,
  reference?: string,
): Page {
  const { text, tr } = language;
  const [headingKey, messageKey] = STATUS_KEYS[status] ?? UNKNOWN_STATUS;
  const heading = tr.t(headingKey);
  const message = tr.t(messageKey);
  const page: StatusPageModel = {
    template: 'status',
    status,
    heading,
    message,
    reference,
    links: [
      { url: text.home, label: tr.t('status.allCourses') },
      ...site.courses
        .filter((course) => course.language === text.language)
        .map((course) => ({ url: course.url, label: course.title })),
    ],
  };
  return {
    url: statusPageUrl(status, text.home),
    status,
    layout: layout(site, language, context, {
      title: tr.t('status.title', { heading, site: text.title }),
      description: message,
      noindex: true,
    }),
    main: page,
  };
}
