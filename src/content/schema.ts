import { z } from 'zod';
import {
  absoluteUrl,
  baseUrl,
  calendarDate,
  durationMinutes,
  fields,
  flag,
  linkTarget,
  oneOf,
  slug,
  text,
} from './schema-fields.js';

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

const language = z
  .string({ error: 'Expected a language code such as "en" or "fr-CA"' })
  .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, {
    error: 'Expected a language code such as "en" or "fr-CA"',
  });

/** A picture and what it shows: the shape of every image a YAML field names. */
function imageField() {
  return fields({
    /** Path of the file, relative to the folder the field's own comment names. Required. */
    src: text('the image path'),
    /** What the picture shows, for people who cannot see it. Required. */
    alt: text('the image description (alt text)'),
  });
}

/** A call to action shown beside the course: a programme, a newsletter, a certificate. */
export const ctaSchema = fields({
  /** The heading of the box. Required. */
  title: text('the call to action heading'),
  /** The selling points, one line each. Optional. */
  points: z.array(text('a point')).default([]),
  /** Where the button goes. Required. */
  link: fields({
    /** The button's words: say where it goes. Required. */
    text: text('the link text'),
    /** An absolute URL, or a path on this site. Required. */
    href: linkTarget('the link target'),
  }),
  /** A picture beside the text: `src` relative to the content folder. Optional. */
  image: imageField().optional(),
});

/** The site's own text in one more language: what that language's pages show instead. */
const siteTextSchema = fields({
  /** The site's name in this language. Default: the site's title. */
  title: text('the site name').optional(),
  /** The description in this language. Default: the site's description. */
  description: text('a one-sentence description of the site').optional(),
  /** Calls to action in this language, by the same names. Default: the site's own. */
  ctas: z.record(slug('a call to action name'), ctaSchema).default({}),
});

/** `content/site.yaml`: what is true of every page. */
export const siteSchema = fields({
  /** The site's name: in the header and at the end of every page title. Required. */
  title: text('the site name'),
  /** One sentence about the site, for the catalog page and search engines. Required. */
  description: text('a one-sentence description of the site'),
  /** The public base URL. The SITE_URL environment variable overrides it. Default: http://localhost:3000. */
  // Origin and path only: a query or a fragment has no place in every canonical link.
  url: absoluteUrl('the public base URL').transform(baseUrl).optional(),
  /** Language of the pages, as a BCP 47 code. Default: en. */
  language: language.default('en'),
  /** Who provides the courses: named in the footer and to search engines. Required. */
  organization: fields({
    /** Required. */
    name: text('the organisation name'),
    /** Required. */
    url: absoluteUrl('the organisation URL'),
  }),
  /** Browser UI colour on phones. Default: #5b3cc4. */
  themeColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'Expected a colour as #rrggbb, e.g. "#5b3cc4"' })
    .default('#5b3cc4'),
  /** The call to action a course shows when its course.md names none. Optional. */
  defaultCta: slug('the name of a call to action').optional(),
  /** Calls to action by name, chosen by each course's `cta` field. Default: none. */
  ctas: z.record(slug('a call to action name'), ctaSchema).default({}),
  /** The site's text in other languages, by language code: `fr: { title, description, ctas }`. */
  languages: z.record(language, siteTextSchema).default({}),
});

/** The front-matter of `course.md`. Its Markdown body is the course introduction. */
export const courseSchema = fields({
  /** The course title: its h1 and its page title. Required. */
  title: text('the course title'),
  /** One or two sentences for the catalog and search engines (up to 155 characters show). Required. */
  description: text('a short description of the course'),
  /** How long the course takes, as written: "4 hours", "90 minutes", "1h30". Required. */
  duration: durationMinutes('a duration'),
  /** easy, medium or hard. Required. */
  difficulty: oneOf(DIFFICULTIES, 'a difficulty'),
  /** Whether the online content is free to read. Default: false. */
  free: flag('is the content free?').default(false),
  /** When the course last changed, as YYYY-MM-DD. Required. */
  updated: calendarDate('the date of the last update'),
  /** Language of the course, when it differs from the site's. Optional. */
  language: language.optional(),
  /**
   * The same word in every course that translates this one (Hugo's translationKey): their pages
   * link each other for search engines and the language switcher. Optional.
   */
  translationKey: slug('a translation key').optional(),
  /** Which call to action of site.yaml to show, or false for none. Default: the site's defaultCta. */
  cta: z
    .union([slug('the name of a call to action'), z.literal(false)], {
      error: 'Expected the name of a call to action from site.yaml, or false',
    })
    .optional(),
  /** What the learner will be able to do, one sentence each: "What you will learn". Default: none. */
  objectives: z.array(text('an objective')).default([]),
  /**
   * The course's picture, on its page, its catalog card and (a PNG or JPEG) when it is shared:
   * `src` relative to the course folder. Default: none; a share card is drawn from the title.
   */
  image: imageField().optional(),
  /** Percent of quiz points needed for the certificate of achievement, 0 to 100. Default: 70. */
  passingScore: z
    .number({ error: 'Expected a percentage from 0 to 100, e.g. 70' })
    .int({ error: 'Expected a whole percentage from 0 to 100, e.g. 70' })
    .min(0, { error: 'Expected a percentage from 0 to 100, e.g. 70' })
    .max(100, { error: 'Expected a percentage from 0 to 100, e.g. 70' })
    .default(70),
});

/** The front-matter of `part.md` in a part folder `NN-slug/`. Its body shows on the course page. */
export const partSchema = fields({
  /** The part's title: "Part 1: <title>" on the course page and above its chapters. Required. */
  title: text('the part title'),
  /** One sentence under the part's title on the course page. Optional. */
  description: text('a short description of the part').optional(),
});

/** The front-matter of a chapter file `NN-slug.md`. Its body is the chapter. */
export const chapterSchema = fields({
  /** The chapter title: its h1, its page title and its name in the chapter list. Required. */
  title: text('the chapter title'),
  /** One or two sentences for search engines and link previews. Recommended. */
  description: text('a short description of the chapter').optional(),
  /** When the chapter last changed, as YYYY-MM-DD. Default: the course's `updated`. */
  updated: calendarDate('the date of the last update').optional(),
  /** How long the chapter takes, written as the course's: "20 minutes". Optional. */
  duration: durationMinutes('a duration').optional(),
  /**
   * Pairs this chapter with the chapter of a translation that gives the same key. Default: the
   * chapter at the same place in the translation (one that gives no key either).
   */
  translationKey: slug('a translation key').optional(),
});

export type SiteData = z.output<typeof siteSchema>;
export type CtaData = z.output<typeof ctaSchema>;
export type CourseData = z.output<typeof courseSchema>;
export type PartData = z.output<typeof partSchema>;
export type ChapterData = z.output<typeof chapterSchema>;
