import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { homeOf } from '../../src/content/urls.js';
import { buildSite } from '../../src/build-site.js';
import { COURSE_MD, contentFolder, validFiles } from '../support/content-fixture.js';
import { fixtureListener, ROOT, SITE_URL } from '../support/fixture-site.js';
import {
  decodeEntities,
  headOf,
  jsonLdOf,
  jsonLdOfType,
  linksIn,
  metaContent,
  textOf,
} from '../support/html.js';
import path from 'node:path';

type Listener = Awaited<ReturnType<typeof fixtureListener>>['listener'];
let listener: Listener;
let pageUrls: readonly string[];
/** The pages for search engines and social networks: all but each learner's certificate. */
let indexedUrls: readonly string[];
const pages = new Map<string, string>();

beforeAll(async () => {
  const site = await fixtureListener();
  listener = site.listener;
  pageUrls = site.built.rendered.pageUrls;
  for (const url of pageUrls) pages.set(url, (await request(listener).get(url).expect(200)).text);
  indexedUrls = pageUrls.filter((url) => !pages.get(url)?.includes('<meta name="robots"'));
});

/** A response whose body is kept as bytes (supertest parses only text by default). */
function bytesOf(url: string) {
  return request(listener)
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
}

const CATALOG = '/';
const COURSE = '/courses/our-principles/';
const CHAPTER = '/courses/our-principles/our-principles/';

function html(url: string): string {
  const text = pages.get(url);
  if (text === undefined) throw new Error(`${url} was not fetched`);
  return text;
}

function attribute(page: string, pattern: RegExp): string | undefined {
  const value = pattern.exec(page)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

const canonicalOf = (page: string) => attribute(page, /<link rel="canonical" href="([^"]*)">/);
const descriptionOf = (page: string) =>
  attribute(page, /<meta name="description" content="([^"]*)">/);
const h1Of = (page: string) => textOf(page, /<h1>/, '</h1>');
const breadcrumbsOf = (page: string) => linksIn(page, /<nav class="breadcrumbs"/, '</nav>');

/** The course facts exactly as a reader sees them. */
/** The facts as the page shows them, read by their place in the markup (pages speak French too). */
function visibleFacts(page: string) {
  const facts = [...page.matchAll(/<li class="fact">.*?<\/span> ([^<]+)<\/li>/g)];
  return {
    duration: facts[0]?.[1],
    difficulty: facts[1]?.[1],
    updated: attribute(page, /<p class="fact-updated">.*?<time datetime="([^"]+)">/),
    free: /class="fact-free">.*?(Free online content available in this course\.|Ce cours est visible gratuitement en ligne\.)/.test(
      page,
    ),
  };
}

/** "4 hours" -> PT4H, "1 hour 30 minutes" -> PT1H30M: read from the words, not from the code. */
function isoFromWords(words: string | undefined): string {
  const hours = /(\d+)\s(?:hours?|heures?)/.exec(words ?? '')?.[1];
  const minutes = /(\d+)\sminutes?/.exec(words ?? '')?.[1];
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
}

// educationalLevel keeps the words course platforms use in English, whatever the page's language.
const LEVEL_OF_LABEL: Record<string, string> = {
  Easy: 'Beginner',
  Medium: 'Intermediate',
  Hard: 'Advanced',
  Facile: 'Beginner',
  Moyenne: 'Intermediate',
  Difficile: 'Advanced',
};

function chapterListOf(page: string) {
  return [
    ...page.matchAll(
      /<a href="([^"]*)"[^>]*><span class="chapter-number">\d+<\/span><span class="chapter-title">([^<]*)<\/span>/g,
    ),
  ].map((m) => ({ url: SITE_URL + decodeEntities(m[1] ?? ''), name: decodeEntities(m[2] ?? '') }));
}

/** The parts the course page shows, as schema.org Syllabus sections (undefined without parts). */
function partsOf(page: string) {
  const sections = [
    ...page.matchAll(
      /<p class="part-label">Part \d+ <span class="part-summary">· \d+ chapters?(?: · ([^<]+))?<\/span><\/p>\s*<h3[^>]*>([^<]*)<\/h3>\s*(?:<p class="part-description">([^<]*)<\/p>)?/g,
    ),
  ].map(([, duration, title, description]) => ({
    '@type': 'Syllabus',
    name: decodeEntities(title ?? ''),
    ...(description === undefined ? {} : { description: decodeEntities(description) }),
    ...(duration === undefined ? {} : { timeRequired: isoFromWords(duration) }),
  }));
  return sections.length > 0 ? sections : undefined;
}

/** "What you will learn", as the page lists it (undefined when the course names none). */
function objectivesOf(page: string) {
  const list = /<ul class="objectives-list">([\s\S]*?)<\/ul>/.exec(page)?.[1];
  if (list === undefined) return undefined;
  return [...list.matchAll(/<span>([^<]*)<\/span>/g)].map((m) => decodeEntities(m[1] ?? ''));
}

function pageKind(url: string): 'catalog' | 'course' | 'chapter' {
  // Below its language's home (`/fr/`), a page sits as deep as the same page in English.
  const depth = url.slice(homeOf(url).length).split('/').filter(Boolean).length;
  return depth === 0 ? 'catalog' : depth === 2 ? 'course' : 'chapter';
}

describe('the head of every page', () => {
  it('has a title, a description and a canonical URL made from SITE_URL', () => {
    for (const url of pageUrls) {
      const page = html(url);
      expect(canonicalOf(page), url).toBe(SITE_URL + url);
      expect(descriptionOf(page)?.length, url).toBeGreaterThan(20);
      // Each language's pages end their title with the site's name in that language.
      const site = homeOf(url) === '/fr/' ? 'Académie Lectern' : 'Lectern Academy';
      expect(textOf(page, /<title>/, '</title>'), url).toMatch(new RegExp(` - ${site}$|^${site}$`));
    }
  });

  it('titles a chapter "Chapter - Course - Site"', () => {
    expect(textOf(html(CHAPTER), /<title>/, '</title>')).toBe(
      'Our Principles - Discover the OpenClassrooms principles - Lectern Academy',
    );
  });

  it('describes the page to social networks with Open Graph and Twitter card tags', () => {
    for (const url of indexedUrls) {
      const page = html(url);
      expect(metaContent(page, 'og:url'), url).toBe(SITE_URL + url);
      const type = pageKind(url) === 'catalog' ? 'website' : 'article';
      expect(metaContent(page, 'og:type'), url).toBe(type);
      const site = homeOf(url) === '/fr/' ? 'Académie Lectern' : 'Lectern Academy';
      expect(metaContent(page, 'og:site_name'), url).toBe(site);
      expect(metaContent(page, 'og:locale'), url).toBe(homeOf(url) === '/fr/' ? 'fr_FR' : 'en_US');
      expect(metaContent(page, 'og:description'), url).toBe(descriptionOf(page));
      expect(metaContent(page, 'twitter:card'), url).toBe('summary_large_image');
      expect(metaContent(page, 'twitter:title'), url).toBe(metaContent(page, 'og:title'));
      expect(metaContent(page, 'twitter:description'), url).toBe(descriptionOf(page));
      expect(metaContent(page, 'twitter:image'), url).toBe(metaContent(page, 'og:image'));
      expect(metaContent(page, 'og:image:alt'), url).toBeTruthy();
    }
    expect(metaContent(html(COURSE), 'og:title')).toBe('Discover the OpenClassrooms principles');
    expect(metaContent(html(CHAPTER), 'og:title')).toBe(
      'Our Principles - Discover the OpenClassrooms principles',
    );
  });

  it('offers a 1200x630 PNG social image at an absolute URL that answers', async () => {
    const image = metaContent(html(CATALOG), 'og:image') ?? '';
    expect(image).toMatch(
      /^https:\/\/courses\.example\.com\/assets\/images\/social-card\.[0-9a-f]+\.png$/,
    );
    const response = await bytesOf(new URL(image).pathname);
    const body = response.body as Buffer;
    expect(response.headers['content-type']).toBe('image/png');
    expect(body.length).toBeLessThan(60 * 1024);
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(metaContent(html(CATALOG), 'og:image:width')).toBe('1200');
    expect(metaContent(html(CATALOG), 'og:image:height')).toBe('630');
  });

  it("offers on each course's pages a PNG card of its own, drawn from its title", async () => {
    const image = metaContent(html(COURSE), 'og:image') ?? '';
    expect(image).toMatch(
      /^https:\/\/courses\.example\.com\/assets\/share\/our-principles\.[0-9a-f]{10}\.png$/,
    );
    expect(metaContent(html(CHAPTER), 'og:image')).toBe(image);
    expect(metaContent(html(COURSE), 'og:image:alt')).toBe(
      'Discover the OpenClassrooms principles, a course of Lectern Academy: 4 hours · Medium · Free',
    );
    const other = pageUrls.find((url) => url.startsWith('/courses/') && !url.startsWith(COURSE));
    expect(metaContent(html(other ?? ''), 'og:image')).not.toBe(image);
    const response = await bytesOf(new URL(image).pathname);
    const body = response.body as Buffer;
    expect(response.headers['content-type']).toBe('image/png');
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('never takes the canonical URL from the Host or X-Forwarded-* headers', async () => {
    const { text } = await request(listener)
      .get(COURSE)
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'http')
      .expect(200);
    expect(text).not.toContain('evil.example');
    expect(canonicalOf(text)).toBe(SITE_URL + COURSE);
  });

  it('keeps error pages out of the index, without social tags or structured data', async () => {
    const { text } = await request(listener).get('/courses/nope/').expect(404);
    expect(headOf(text)).toContain('<meta name="robots" content="noindex">');
    expect(headOf(text)).not.toContain('rel="canonical"');
    expect(headOf(text)).not.toContain('og:');
    expect(jsonLdOf(text)).toEqual([]);
  });
});

describe('structured data', () => {
  it('says on every page what the page shows', () => {
    for (const url of indexedUrls) {
      const page = html(url);
      const kind = pageKind(url);
      if (kind === 'catalog') {
        const cards = [
          ...page.matchAll(/<h2 class="course-card-title"><a href="([^"]*)">([^<]*)<\/a><\/h2>/g),
        ].map((m, index) => ({
          '@type': 'ListItem',
          position: index + 1,
          url: SITE_URL + (m[1] ?? ''),
          name: decodeEntities(m[2] ?? ''),
        }));
        expect(cards.length, url).toBeGreaterThan(url === CATALOG ? 1 : 0);
        expect(jsonLdOfType(page, 'ItemList').itemListElement, url).toEqual(cards);
        continue;
      }
      const facts = visibleFacts(page);
      const data = jsonLdOfType(page, kind === 'course' ? 'Course' : 'LearningResource');
      expect(data.name, url).toBe(h1Of(page));
      expect(data.description, url).toBe(descriptionOf(page));
      expect(data.url, url).toBe(canonicalOf(page));
      expect(data.inLanguage, url).toBe(attribute(page, /<html lang="([^"]+)">/));
      expect(data.dateModified, url).toBe(facts.updated);
      const trail = [...breadcrumbsOf(page), { url, text: h1Of(page) ?? '' }];
      expect(jsonLdOfType(page, 'BreadcrumbList').itemListElement, url).toEqual(
        trail.map((link, index) => ({
          '@type': 'ListItem',
          position: index + 1,
          name: link.text,
          item: SITE_URL + link.url,
        })),
      );
      if (kind === 'course') {
        expect(data.timeRequired, url).toBe(isoFromWords(facts.duration));
        expect(data.hasCourseInstance, url).toMatchObject({ courseWorkload: data.timeRequired });
        expect(data.educationalLevel, url).toBe(LEVEL_OF_LABEL[facts.difficulty ?? '']);
        expect(data.isAccessibleForFree ?? false, url).toBe(facts.free);
        expect(data.hasPart, url).toEqual(
          chapterListOf(page).map((chapter) => ({ '@type': 'LearningResource', ...chapter })),
        );
        expect(data.syllabusSections, url).toEqual(partsOf(page));
        expect(data.teaches, url).toEqual(objectivesOf(page));
      } else {
        // "Chapter 2 of 4" says the position; "Part 2 · Chapter 1" is read from the course page.
        const kicker = /Chapter (\d+) of \d+/.exec(page)?.[1];
        const courseUrl = breadcrumbsOf(page).at(-1)?.url ?? '';
        const listed = chapterListOf(html(courseUrl)).map((chapter) => chapter.url);
        const position = kicker ? Number(kicker) : listed.indexOf(SITE_URL + url) + 1;
        expect(data.position, url).toBe(position);
        const course = breadcrumbsOf(page).at(-1);
        expect(data.isPartOf, url).toEqual({
          '@type': 'Course',
          name: course?.text,
          url: SITE_URL + (course?.url ?? ''),
        });
      }
    }
  });

  it('describes the course with its provider and instance, but not the call to action', () => {
    const page = html(COURSE);
    const course = jsonLdOfType(page, 'Course');
    expect(course).toMatchObject({
      '@context': 'https://schema.org',
      provider: {
        '@type': 'Organization',
        name: 'OpenClassrooms',
        url: 'https://openclassrooms.com',
      },
      timeRequired: 'PT4H',
      educationalLevel: 'Intermediate',
      isAccessibleForFree: true,
      offers: { '@type': 'Offer', category: 'Free' },
      hasCourseInstance: {
        '@type': 'CourseInstance',
        courseMode: 'Online',
        courseWorkload: 'PT4H',
      },
      dateModified: '2024-03-21',
    });
    expect(page).toContain('Ever considered an OpenClassrooms diploma?');
    const json = JSON.stringify(jsonLdOf(page));
    expect(json).not.toMatch(/diploma|funding|certificate|openclassrooms\.com\/en\/paths/i);
  });

  it('keeps a title holding </script> or <!-- inside its JSON-LD', async () => {
    const title = 'Tricky </script><!-- "quotes" & <b>tags</b>';
    const files = validFiles();
    files['courses/a-course/course.md'] = COURSE_MD.replace(
      'title: A course',
      `title: '${title.replace(/'/g, "''")}'`,
    );
    const folder = await contentFolder(files);
    try {
      const built = await buildSite({
        contentDir: folder.dir,
        viewsDir: path.join(ROOT, 'views'),
        publicDir: path.join(ROOT, 'public'),
        siteUrl: SITE_URL,
        fallbackSiteUrl: SITE_URL,
        displayRoot: folder.root,
      });
      const page =
        built.rendered.responses.get('/courses/a-course/')?.identity.body.toString() ?? '';
      const scripts = jsonLdOf(page);
      expect(scripts).toHaveLength(2);
      expect(jsonLdOfType(page, 'Course').name).toBe(title);
      // Every </script> closes a script element: none comes from the title.
      expect(page.match(/<\/script>/g)?.length).toBe(page.match(/<script[\s>]/g)?.length);
      expect(headOf(page)).not.toContain('<!--');
      expect(h1Of(page)).toBe(title);
    } finally {
      await folder.cleanup();
    }
  });
});

describe('the sitemap', () => {
  it('answers as XML, cached for an hour', async () => {
    const response = await request(listener).get('/sitemap.xml').expect(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/,
    );
  });

  it("leaves out each learner's certificate, which asks not to be indexed", () => {
    const certificates = pageUrls.filter((url) => url.endsWith('/certificate/'));
    expect(certificates).toContain('/courses/our-principles/certificate/');
    for (const url of certificates) {
      expect(html(url), url).toContain('<meta name="robots" content="noindex">');
      expect(indexedUrls, url).not.toContain(url);
    }
  });

  it('lists every page at its absolute URL with its date, and nothing else', async () => {
    const { text } = await request(listener).get('/sitemap.xml').expect(200);
    const entries = [
      ...text.matchAll(
        /<url><loc>([^<]*)<\/loc><lastmod>([^<]*)<\/lastmod>(?:<xhtml:link [^>]*\/>)*<\/url>/g,
      ),
    ];
    expect(text.match(/<url>/g)).toHaveLength(entries.length);
    expect(entries.map((m) => m[1])).toEqual(indexedUrls.map((url) => SITE_URL + url));
    const lastmods = new Map(entries.map((m) => [m[1], m[2] ?? '']));
    for (const url of indexedUrls) {
      const shown = visibleFacts(html(url)).updated;
      if (pageKind(url) === 'course') expect(lastmods.get(SITE_URL + url), url).toBe(shown);
    }
    const courseDates = indexedUrls
      .filter((url) => pageKind(url) === 'course' && homeOf(url) === CATALOG)
      .map((url) => lastmods.get(SITE_URL + url) ?? '');
    expect(lastmods.get(SITE_URL + CATALOG)).toBe([...courseDates].sort().at(-1));
    expect(lastmods.get(SITE_URL + CHAPTER)).toBe('2024-03-21');
  });

  it('is a response of its own, not one of the HTML pages', () => {
    expect(pageUrls).not.toContain('/sitemap.xml');
    expect(pageUrls).not.toContain('/robots.txt');
  });
});

describe('robots.txt', () => {
  it('allows everything and names the sitemap by its absolute URL', async () => {
    const response = await request(listener).get('/robots.txt').expect(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    expect(response.text).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap.xml\n`);
  });
});
