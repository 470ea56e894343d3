import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/content/model.js';
import type { Page } from '../../src/pages/view-model.js';
import type { PageContext } from '../../src/pages/page-context.js';
import { robotsTxt } from '../../src/pages/robots.js';
import { catalogPage, coursePages, statusPage } from '../../src/pages/site-pages.js';
import { sitemapEntries, sitemapXml } from '../../src/pages/sitemap.js';
import { pageLanguages } from '../../src/build/pages-stage.js';
import { CHAPTER_MD, COURSE_MD, validFiles } from '../support/content-fixture.js';
import { loadFiles } from '../support/load.js';

/** Every page of a site, as the pipeline's pages stage makes them (share images aside). */
function allPages(site: Site, context: PageContext): Page[] {
  const languages = pageLanguages(site);
  return [
    ...languages.all.map((language) => catalogPage(site, language, context)),
    ...site.courses.flatMap((course) =>
      coursePages(site, course, languages.of(course.language), context),
    ),
  ];
}

const SITE_URL = 'https://courses.example.com';

const CONTEXT: PageContext = {
  siteUrl: SITE_URL,
  stylesheetUrl: '/assets/css/site.css',
  iconUrl: '/assets/favicon.svg',
  scriptUrls: [],
  contentScriptUrls: { quiz: '/assets/js/quiz.js', 'code-copy': '/assets/js/code-copy.js' },
  socialImage: { url: `${SITE_URL}/assets/social.png`, width: 1200, height: 630 },
  notices: [],
};

/** A site with two courses, one of them updated later, and a chapter with its own date. */
async function twoCourses() {
  const { site } = await loadFiles({
    ...validFiles(),
    'courses/a-course/01-first.md': CHAPTER_MD.replace(
      'description:',
      'updated: 2024-01-05\ndescription:',
    ),
    'courses/b-course/course.md': COURSE_MD.replace('updated: 2024-03-21', 'updated: 2025-06-30'),
    'courses/b-course/01-only.md': CHAPTER_MD,
  });
  return site;
}

describe('the sitemap', () => {
  it('lists every page at its absolute URL with the date from its front-matter', async () => {
    const site = await twoCourses();
    expect(sitemapEntries(allPages(site, CONTEXT))).toEqual([
      { url: `${SITE_URL}/`, lastModified: '2025-06-30', alternates: [] },
      { url: `${SITE_URL}/courses/a-course/`, lastModified: '2024-03-21', alternates: [] },
      { url: `${SITE_URL}/courses/a-course/first/`, lastModified: '2024-01-05', alternates: [] },
      { url: `${SITE_URL}/courses/b-course/`, lastModified: '2025-06-30', alternates: [] },
      { url: `${SITE_URL}/courses/b-course/only/`, lastModified: '2025-06-30', alternates: [] },
    ]);
  });

  it('leaves out error pages', async () => {
    const site = await twoCourses();
    const pages = [
      ...allPages(site, CONTEXT),
      statusPage(site, 404, pageLanguages(site).of('en'), CONTEXT),
    ];
    expect(sitemapEntries(pages)).toHaveLength(5);
    expect(sitemapXml(pages)).not.toContain('404');
  });

  it('is sitemaps.org XML with one <url> per page', async () => {
    const site = await twoCourses();
    const xml = sitemapXml(allPages(site, CONTEXT));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    );
    expect(xml).toContain(
      `<url><loc>${SITE_URL}/courses/a-course/first/</loc><lastmod>2024-01-05</lastmod></url>`,
    );
    expect(xml.match(/<url>/g)).toHaveLength(5);
    expect(xml.trimEnd().endsWith('</urlset>')).toBe(true);
  });
});

describe('robots.txt', () => {
  it('allows every crawler everywhere and points to the sitemap', () => {
    expect(robotsTxt('https://learn.example.org')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://learn.example.org/sitemap.xml\n',
    );
  });
});
