import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureListener, SITE_URL } from '../support/fixture-site.js';
import { decodeEntities, textOf } from '../support/html.js';

type Listener = Awaited<ReturnType<typeof fixtureListener>>['listener'];
let listener: Listener;
let pageUrls: readonly string[];
const pages = new Map<string, string>();

beforeAll(async () => {
  const site = await fixtureListener();
  listener = site.listener;
  pageUrls = site.built.rendered.pageUrls;
  for (const url of pageUrls) pages.set(url, (await request(listener).get(url).expect(200)).text);
});

const html = (url: string) => pages.get(url) ?? '';
const EN_COURSE = '/courses/our-principles/';
const FR_COURSE = '/fr/courses/nos-principes/';

/** The page's `<link rel="alternate" hreflang>`, as [hreflang, absolute URL]. */
function alternatesOf(page: string): [string, string][] {
  return [...page.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map(
    (m) => [m[1]!, m[2]!],
  );
}

/** What a person reads: the text of the main element and the header, tags removed. */
function visibleText(page: string): string {
  const body = page.slice(page.indexOf('<body>'));
  return (
    decodeEntities(body.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' '))
      // Only the spaces HTML collapses: French keeps its no-break spaces.
      .replace(/[ \t\n\r]+/g, ' ')
      .trim()
  );
}

describe('a French course page', () => {
  it('reads its facts as OpenClassrooms writes them in French', () => {
    const text = visibleText(html(FR_COURSE));
    expect(html(FR_COURSE)).toContain('<html lang="fr">');
    expect(text).toContain('4\u00a0heures');
    expect(text).toContain('Mis à jour le 21/03/2024');
    expect(text).toContain('Ce cours est visible gratuitement en ligne.');
    expect(text).toContain('Difficulté\u202f: Moyenne');
  });

  it('labels its parts of the page in French', () => {
    const text = visibleText(html(FR_COURSE));
    for (const label of [
      'Aller au contenu',
      'Ce que vous allez apprendre',
      'Contenu du cours',
      'Commencer le cours',
      '2 chapitres',
      'Et si vous obteniez un diplôme OpenClassrooms',
    ])
      expect(text).toContain(label);
    expect(html(FR_COURSE)).toContain('aria-label="Fil d’Ariane"');
  });

  it('speaks French in its quiz, its code and its headings’ links', () => {
    const page = html('/fr/courses/nos-principes/verifiez-vos-acquis/');
    expect(page).toContain('<button class="button" type="submit">Vérifier mes réponses</button>');
    expect(page).toContain('<summary>Voir la réponse</summary>');
    expect(page).toMatch(/<span class="quiz-number">Question 1 sur 8<\/span>/);
    expect(html('/fr/courses/nos-principes/nos-principes/')).toContain('Lien vers la section «');
  });

  it('gives its language to search engines and social networks', () => {
    const page = html(FR_COURSE);
    expect(page).toContain('<meta property="og:locale" content="fr_FR">');
    expect(page).toContain('<meta property="og:locale:alternate" content="en_US">');
    expect(page).toContain('"inLanguage":"fr"');
  });

  it('shows none of the English interface words', () => {
    const english = visibleText(html(EN_COURSE));
    const french = visibleText(html(FR_COURSE));
    const words = ['Start the course', 'Course content', 'Last updated on', 'Skip to content'];
    expect(words.filter((said) => english.includes(said))).toEqual(words);
    expect(words.filter((said) => french.includes(said))).toEqual([]);
  });
});

describe('translations', () => {
  it('link every version of a page, each its own included, with x-default', () => {
    expect(alternatesOf(html(EN_COURSE))).toEqual([
      ['en', SITE_URL + EN_COURSE],
      ['fr', SITE_URL + FR_COURSE],
      ['x-default', SITE_URL + EN_COURSE],
    ]);
  });

  it('link each other both ways, on every page that has versions', () => {
    const linked = pageUrls.filter((url) => alternatesOf(html(url)).length > 0);
    expect(linked).toEqual(
      expect.arrayContaining([
        '/',
        '/fr/',
        EN_COURSE,
        FR_COURSE,
        '/fr/courses/nos-principes/nos-principes/',
      ]),
    );
    for (const url of linked) {
      const versions = alternatesOf(html(url));
      expect(versions, url).toContainEqual([expect.any(String), SITE_URL + url]);
      for (const [, other] of versions) {
        const path = other.slice(SITE_URL.length);
        expect(alternatesOf(html(path)), `${url} -> ${path}`).toEqual(versions);
      }
    }
  });

  it('pair chapters by their place in the course', () => {
    const versions = alternatesOf(html('/courses/our-principles/check-what-you-learned/'));
    expect(versions).toContainEqual([
      'fr',
      `${SITE_URL}/fr/courses/nos-principes/verifiez-vos-acquis/`,
    ]);
  });

  it('are listed in the sitemap as the pages list them', async () => {
    const { text } = await request(listener).get('/sitemap.xml').expect(200);
    const urls = [...text.matchAll(/<url>(.*?)<\/url>/g)].map((m) => m[1]!);
    for (const entry of urls) {
      const loc = /<loc>([^<]+)<\/loc>/.exec(entry)![1]!;
      const alternates = [
        ...entry.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g),
      ].map((m) => [m[1]!, m[2]!]);
      expect(alternates, loc).toEqual(alternatesOf(html(loc.slice(SITE_URL.length))));
    }
    expect(text).toContain(`<xhtml:link rel="alternate" hreflang="fr" href="${SITE_URL}/fr/"/>`);
  });

  it('are offered in a language switcher, each named in its own language', () => {
    const switcher = textOf(html(FR_COURSE), /<nav class="language-switcher"[^>]*>/, '</nav>');
    expect(switcher).toContain('English');
    expect(html(FR_COURSE)).toContain(
      '<a href="/courses/our-principles/" lang="en" hreflang="en" rel="alternate"><span class="language-code" aria-hidden="true">EN</span><span class="language-name">English</span></a>',
    );
    expect(html(FR_COURSE)).toContain(
      '<a href="/fr/courses/nos-principes/" lang="fr" hreflang="fr" aria-current="true"><span class="language-code" aria-hidden="true">FR</span><span class="language-name">Français</span></a>',
    );
  });

  it('are not claimed for a page without versions, whose switcher leads to the nearest page', () => {
    const alone = '/courses/teach-code/';
    expect(alternatesOf(html(alone))).toEqual([]);
    // No French version of this course: the switcher offers the French catalog, not as a version.
    expect(html(alone)).toContain(
      '<a href="/fr/" lang="fr" hreflang="fr"><span class="language-code" aria-hidden="true">FR</span>',
    );
    expect(html(alone)).toContain(
      `<a href="${alone}" lang="en" hreflang="en" aria-current="true">`,
    );
  });
});

describe('a catalog per language', () => {
  it('is shared with a card in its language', async () => {
    const image = /<meta property="og:image" content="([^"]+)">/.exec(html('/fr/'))?.[1] ?? '';
    expect(image).toMatch(new RegExp(`^${SITE_URL}/assets/share/site-fr\\.[0-9a-f]{10}\\.png$`));
    expect(html('/fr/')).toContain(
      '<meta property="og:image:alt" content="Académie Lectern\u202f: des cours en ligne courts et clairs">',
    );
    const card = await request(listener).get(image.slice(SITE_URL.length)).expect(200);
    expect(card.headers['content-type']).toBe('image/png');
    // The site's own language keeps the site's picture.
    expect(html('/')).toContain('/assets/images/social-card.');
  });

  it('lists the courses of its language, in its language', () => {
    const french = html('/fr/');
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('href="/fr/courses/nos-principes/"');
    expect(french).not.toContain('href="/courses/our-principles/"');
    expect(html('/')).not.toContain('href="/fr/courses/nos-principes/"');
  });

  it('answers whatever the browser’s language: no redirect on Accept-Language', async () => {
    const response = await request(listener).get('/').set('Accept-Language', 'fr-FR,fr;q=0.9');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="en">');
  });
});

describe('a French error page', () => {
  it('answers an unknown address under /fr/ in French, with a 404', async () => {
    const { status, text } = await request(listener).get('/fr/pas-de-page/');
    expect(status).toBe(404);
    expect(text).toContain('<html lang="fr">');
    expect(text).toContain('Page introuvable');
    expect(text).toContain('href="/fr/courses/nos-principes/"');
  });

  it('answers elsewhere in the site’s language', async () => {
    const { status, text } = await request(listener).get('/no-such-page/');
    expect(status).toBe(404);
    expect(text).toContain('Page not found');
  });
});

describe('French search', () => {
  it('answers in French, its own language’s pages first', async () => {
    const { text } = await request(listener).get('/fr/search/?q=principes').expect(200);
    expect(text).toContain('<html lang="fr">');
    expect(text).toMatch(/\d+ résultats? pour «\u202fprincipes\u202f»/);
    const first = /<a class="search-result-link" href="([^"]+)"/.exec(text)?.[1];
    expect(first).toMatch(/^\/fr\//);
  });
});
