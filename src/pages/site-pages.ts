import type { Chapter, Course, Cta, Picture, Site } from '../content/model.js';
import type { ContentScript } from '../markdown/markdown-env.js';
import { latestDate } from '../content/calendar-date.js';
import { catalogUrl, certificateUrl } from '../content/urls.js';
import { formatDuration } from '../content/duration.js';
import { difficultyLabel, shortDateFormat, type ShortDateFormat } from './format.js';
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
} from './view-model.js';

const DIFFICULTY_LEVELS = { easy: 1, medium: 2, hard: 3 } as const;
const CONTENTS_LEVELS = new Set([2, 3]);

interface CourseShared {
  readonly facts: FactsModel;
  readonly cta: CtaModel | undefined;
  readonly progress: ProgressModel;
  readonly shareImage: SocialImageModel | undefined;
}

function facts(course: Course, formatDate: ShortDateFormat): FactsModel {
  return {
    duration: formatDuration(course.durationMinutes),
    difficulty: difficultyLabel(course.difficulty),
    difficultyLevel: DIFFICULTY_LEVELS[course.difficulty],
    free: course.free,
    updatedIso: course.updated.iso,
    updatedLabel: formatDate(course.updated, course.language),
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
function courseTrail(course: Course): LinkModel[] {
  return [
    { url: catalogUrl, label: 'Courses' },
    { url: course.url, label: course.title },
  ];
}

export interface LayoutInput {
  readonly title: string;
  readonly description: string;
  readonly url?: string;
  readonly lang?: string;
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
}

function social(site: Site, context: PageContext, page: LayoutInput): SocialModel | undefined {
  if (!page.share || page.url === undefined) return undefined;
  return {
    type: page.share.type,
    title: page.share.title,
    description: page.description,
    url: context.siteUrl + page.url,
    siteName: site.title,
    locale: ogLocale(page.lang ?? site.language),
    image: page.share.image ?? context.socialImage,
  };
}

export function layout(site: Site, context: PageContext, page: LayoutInput): LayoutModel {
  return {
    lang: page.lang ?? site.language,
    title: page.title,
    description: page.description,
    canonicalUrl: page.url === undefined ? undefined : context.siteUrl + page.url,
    siteTitle: site.title,
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
    social: social(site, context, page),
    jsonLd: (page.jsonLd ?? []).map(serializeJsonLd),
    notices: context.notices,
    isCatalog: page.url === catalogUrl,
  };
}

export function catalogPage(site: Site, context: PageContext): Page {
  const formatDate = shortDateFormat();
  return {
    url: catalogUrl,
    status: 200,
    lastModified: latestDate(site.courses.map((course) => course.updated))?.iso,
    layout: layout(site, context, {
      title: site.title,
      description: site.description,
      url: catalogUrl,
      share: { type: 'website', title: site.title },
      jsonLd: [catalogData(site, context.siteUrl)],
    }),
    main: {
      template: 'catalog',
      heading: site.title,
      intro: site.description,
      courses: site.courses.map((course) => ({
        url: course.url,
        title: course.title,
        description: course.description,
        facts: facts(course, formatDate),
        image: image(course.image),
        contentsSummary: contentsSummary(course),
        progress: progressOf(course, course.chapters),
      })),
    },
  };
}

function coursePage(site: Site, course: Course, shared: CourseShared, context: PageContext): Page {
  return {
    url: course.url,
    status: 200,
    lastModified: course.updated.iso,
    layout: layout(site, context, {
      title: `${course.title} - ${site.title}`,
      description: course.description,
      url: course.url,
      lang: course.language,
      share: { type: 'article', title: course.title, image: shared.shareImage },
      jsonLd: [
        courseData(site, course, context.siteUrl),
        breadcrumbData(courseTrail(course), context.siteUrl),
      ],
      scripts: course.introScripts,
    }),
    main: {
      template: 'course',
      url: course.url,
      progress: shared.progress,
      breadcrumbs: [{ url: catalogUrl, label: 'Courses' }],
      title: course.title,
      facts: shared.facts,
      image: image(course.image),
      objectives: course.objectives,
      introHtml: course.introHtml,
      contentsSummary: `${contentsSummary(course)} · ${shared.facts.duration}`,
      parts: partSections(course),
      chapters: course.parts.length > 0 ? [] : chapterLinks(course.chapters),
      start: link(course.chapters[0]),
      certificateUrl: certificateUrl(course.slug),
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
  return {
    url: chapter.url,
    status: 200,
    lastModified: chapter.updated.iso,
    layout: layout(site, context, {
      title: `${chapter.title} - ${course.title} - ${site.title}`,
      description: chapter.description ?? course.description,
      url: chapter.url,
      lang: course.language,
      share: {
        type: 'article',
        title: `${chapter.title} - ${course.title}`,
        image: shared.shareImage,
      },
      jsonLd: [
        chapterData(course, chapter, index + 1, context.siteUrl),
        breadcrumbData(
          [...courseTrail(course), { url: chapter.url, label: chapter.title }],
          context.siteUrl,
        ),
        ...chapter.quizzes.map((quiz) => quizData(course, chapter, quiz, context.siteUrl)),
      ],
      scripts: chapter.scripts,
    }),
    main: {
      template: 'chapter',
      url: chapter.url,
      breadcrumbs: [
        { url: catalogUrl, label: 'Courses' },
        { url: course.url, label: course.title },
      ],
      course: { url: course.url, label: course.title },
      facts: shared.facts,
      title: chapter.title,
      kicker: chapterKicker(course, chapter),
      contents: chapter.headings.filter((h) => CONTENTS_LEVELS.has(h.level)),
      html: chapter.html,
      outline: outlineGroups(course, chapter),
      progress: shared.progress,
      previous: pagerLink(course, chapter, course.chapters[index - 1], 'Previous'),
      next: pagerLink(course, chapter, course.chapters[index + 1], 'Next'),
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
  const url = certificateUrl(course.slug);
  return {
    url,
    status: 200,
    layout: layout(site, context, {
      title: `Certificate of achievement - ${course.title} - ${site.title}`,
      description: `Your certificate of achievement for ${course.title}, filled in by your browser once you complete the course.`,
      url,
      lang: course.language,
      // Each learner's own page, made in their browser: nothing for a search engine.
      noindex: true,
    }),
    main: {
      template: 'certificate',
      breadcrumbs: courseTrail(course),
      course: { url: course.url, label: course.title },
      organization: site.organization.name,
      duration: shared.facts.duration,
      progress: shared.progress,
      passingScore: course.passingScore,
      chapters: course.chapters.map((chapter) => ({ url: chapter.url, label: chapter.title })),
      quizzes: quizzesOf(course).map((quiz) => ({ url: quiz.url, label: quiz.label })),
    },
  };
}

/** A course's own pages: the course page, then each chapter's, then its certificate. */
export function coursePages(
  site: Site,
  course: Course,
  context: PageContext,
  shareImage?: SocialImageModel,
): Page[] {
  // What every page of a course shows alike is computed once per course, not per chapter.
  const shared: CourseShared = {
    facts: facts(course, shortDateFormat()),
    cta: cta(course.cta),
    progress: progressOf(course, course.chapters),
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

const STATUS_TEXT: Record<number, { heading: string; message: string }> = {
  400: {
    heading: 'Bad request',
    message: 'This address could not be understood. Check it for typing mistakes.',
  },
  404: {
    heading: 'Page not found',
    message: 'There is no page at this address. It may have moved, or the link may be mistyped.',
  },
  405: { heading: 'Method not allowed', message: 'This site can only be read: use GET or HEAD.' },
  500: {
    heading: 'Something went wrong',
    message:
      'This page could not be shown because of an error on our side. Please try again in a moment.',
  },
};

export const STATUS_CODES = Object.keys(STATUS_TEXT).map(Number);

/** The page answered with an error status; it is never indexed and has no canonical URL. */
export function statusPage(
  site: Site,
  status: number,
  context: PageContext,
  reference?: string,
): Page {
  const text = STATUS_TEXT[status] ?? {
    heading: 'Error',
    message: 'The request could not be completed.',
  };
  const page: StatusPageModel = {
    template: 'status',
    status,
    heading: text.heading,
    message: text.message,
    reference,
    links: [
      { url: catalogUrl, label: 'See all courses' },
      ...site.courses.map((course) => ({ url: course.url, label: course.title })),
    ],
  };
  return {
    url: `/${status}.html`,
    status,
    layout: layout(site, context, {
      title: `${text.heading} - ${site.title}`,
      description: text.message,
      noindex: true,
    }),
    main: page,
  };
}
