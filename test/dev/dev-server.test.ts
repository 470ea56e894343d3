import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { EVENTS_URL, MAX_CLIENTS } from '../../src/dev/live-reload.js';
import { send } from '../support/http-client.js';
import { CHAPTER_MD, COURSE_MD, contentFolder, validFiles } from '../support/content-fixture.js';
import { ROOT } from '../support/fixture-site.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function devServerOn(files: Record<string, string>, viewsDir = path.join(ROOT, 'views')) {
  const folder = await contentFolder(files);
  const logs: string[] = [];
  const server = await startDevServer({
    contentDir: folder.dir,
    viewsDir,
    publicDir: path.join(ROOT, 'public'),
    siteUrl: undefined,
    fallbackSiteUrl: 'http://localhost',
    displayRoot: folder.root,
    port: 0,
    host: '127.0.0.1',
    log: (line) => logs.push(line),
    debounceMs: 30,
  });
  cleanups.push(folder.cleanup, () => server.close());
  return { server, logs, file: (name: string) => path.join(folder.dir, name) };
}

/** Saves a file and waits until the dev server has rebuilt after it. */
async function save(server: DevServer, file: string, body: string | undefined) {
  const built = server.nextBuild();
  if (body === undefined) await rm(file);
  else await writeFile(file, body);
  await built;
}

async function get(server: DevServer, url: string) {
  const response = await fetch(server.url + url);
  return { status: response.status, text: await response.text() };
}

const CHAPTER = '/courses/a-course/first/';

describe('the development server', () => {
  it('serves a valid edit without a restart', async () => {
    const { server, file } = await devServerOn(validFiles());
    expect((await get(server, CHAPTER)).text).toContain('Some text.');
    await save(
      server,
      file('courses/a-course/01-first.md'),
      CHAPTER_MD.replace('Some text.', 'Edited text.'),
    );
    const page = await get(server, CHAPTER);
    expect(page.text).toContain('Edited text.');
    expect(page.text).not.toContain('dev-panel');
  });

  it('finds a saved chapter’s new words at once, and no longer its old ones', async () => {
    const { server, file } = await devServerOn(validFiles());
    const linkToChapter = new RegExp(`class="search-result-link" href="${CHAPTER}[#"]`);
    expect((await get(server, '/search/?q=some+text')).text).toMatch(linkToChapter);
    expect((await get(server, '/search/?q=quokka')).text).toContain('No results for “quokka”.');
    await save(
      server,
      file('courses/a-course/01-first.md'),
      CHAPTER_MD.replace('Some text.', 'A quokka smiles.'),
    );
    const found = await get(server, '/search/?q=quokka');
    expect(found.text).toMatch(linkToChapter);
    expect((await get(server, '/search/?q=some+text')).text).not.toMatch(linkToChapter);
  });

  it('keeps the last good page after an invalid edit, shows the problem, and clears it once fixed', async () => {
    const { server, file, logs } = await devServerOn(validFiles());
    const chapter = file('courses/a-course/01-first.md');
    await save(
      server,
      chapter,
      CHAPTER_MD.replace('title:', 'tittle:').replace('Some text.', 'Broken text.'),
    );
    const broken = await get(server, CHAPTER);
    expect(broken.status).toBe(200);
    expect(broken.text).toContain('Some text.');
    expect(broken.text).toContain('class="dev-panel"');
    expect(broken.text).toContain(
      '01-first.md:2:1</code> <strong>tittle</strong> Unknown field &#34;tittle&#34;; did you mean &#34;title&#34;?',
    );
    expect((await get(server, '/')).text).toContain('class="dev-panel"');
    expect(logs.join('\n')).toMatch(
      /content\/courses\/a-course\/01-first\.md:2:1 {2}tittle {2}Unknown field "tittle"; did you mean "title"\?/,
    );

    await save(server, chapter, CHAPTER_MD.replace('Some text.', 'Fixed text.'));
    const fixed = await get(server, CHAPTER);
    expect(fixed.text).toContain('Fixed text.');
    expect(fixed.text).not.toContain('dev-panel');
    expect(logs.at(-1)).toMatch(/^✓ Fixed\. Built \d+ pages/);
  });

  it('speaks a saved locale at once, on the pages and in search, and keeps the last good one whole', async () => {
    // The project's views, copied so that the test can edit a locale file.
    const views = await mkdtemp(path.join(os.tmpdir(), 'lectern-views-'));
    cleanups.push(() => rm(views, { recursive: true, force: true }));
    await cp(path.join(ROOT, 'views'), views, { recursive: true });
    const { server } = await devServerOn(
      {
        ...validFiles(),
        'courses/un-cours/course.md': COURSE_MD.replace(
          'title: A course',
          'title: Un cours',
        ).replace('\n---\n', '\nlanguage: fr\n---\n'),
        'courses/un-cours/01-les-bases/part.md': '---\ntitle: Les bases\n---\n',
        'courses/un-cours/01-les-bases/01-premier.md': CHAPTER_MD.replace(
          'Some text.',
          'Un ornithorynque.',
        ),
      },
      views,
    );
    const french = path.join(views, 'locales/fr.yaml');
    const source = await readFile(french, 'utf8');
    const course = '/fr/courses/un-cours/';
    expect((await get(server, course)).text).toContain('Commencer le cours');
    expect((await get(server, '/fr/search/?q=ornithorynque')).text).toContain(
      'Partie 1 · Les bases',
    );

    const edited = source
      .replace('start: Commencer le cours', 'start: Lancez-vous')
      .replace("part: 'Partie {number}'", "part: 'Section {number}'");
    expect(edited).not.toBe(source);
    await save(server, french, edited);
    const page = (await get(server, course)).text;
    expect(page).toContain('Lancez-vous');
    expect(page).toContain('Section 1');
    expect((await get(server, '/fr/search/?q=ornithorynque')).text).toContain(
      'Section 1 · Les bases',
    );

    await save(server, french, `${edited}\n  broken: [\n`);
    const kept = (await get(server, course)).text;
    expect(kept).toContain('class="dev-panel"');
    expect(kept).toContain('locales/fr.yaml');
    // The last good site, in the last good words: the view models' and the templates' alike.
    expect(kept).toContain('Lancez-vous');
    expect(kept).toContain('Contenu du cours');
  });

  it('adds and deletes chapters, and adds courses, without a restart', async () => {
    const { server, file } = await devServerOn(validFiles());
    await save(
      server,
      file('courses/a-course/02-second.md'),
      CHAPTER_MD.replace('First chapter', 'Second chapter'),
    );
    expect((await get(server, '/courses/a-course/second/')).text).toContain(
      '<h1>Second chapter</h1>',
    );

    await save(server, file('courses/a-course/02-second.md'), undefined);
    expect((await get(server, '/courses/a-course/second/')).status).toBe(404);

    const course = (await import('../support/content-fixture.js')).COURSE_MD.replace(
      'A course',
      'Another course',
    );
    const built = server.nextBuild();
    await contentWrite(file('courses/another/course.md'), course);
    await contentWrite(file('courses/another/01-start.md'), CHAPTER_MD);
    await built;
    await waitFor(async () => (await get(server, '/courses/another/start/')).status === 200);
  });

  it('adds, renames and removes part folders without a restart', async () => {
    const files = validFiles();
    delete files['courses/a-course/01-first.md'];
    const { server, file } = await devServerOn({
      ...files,
      'courses/a-course/01-basics/part.md': '---\ntitle: The basics\n---\n',
      'courses/a-course/01-basics/01-first.md': CHAPTER_MD,
    });
    const coursePage = () => get(server, '/courses/a-course/');
    expect((await coursePage()).text).toContain('>The basics</h3>');

    const built = server.nextBuild();
    await contentWrite(file('courses/a-course/02-more/part.md'), '---\ntitle: More\n---\n');
    await contentWrite(
      file('courses/a-course/02-more/01-second.md'),
      CHAPTER_MD.replace('First chapter', 'Second'),
    );
    await built;
    await waitFor(async () => (await coursePage()).text.includes('>More</h3>'));
    expect((await get(server, '/courses/a-course/second/')).text).toContain('Part 2 · Chapter 1');

    // A renamed folder keeps its chapters' URLs: only its place and title change.
    await rename(file('courses/a-course/02-more'), file('courses/a-course/00-first-of-all'));
    await waitFor(async () =>
      (await get(server, '/courses/a-course/second/')).text.includes('Part 1 · Chapter 1'),
    );

    await rm(file('courses/a-course/00-first-of-all'), { recursive: true });
    await waitFor(async () => (await get(server, '/courses/a-course/second/')).status === 404);
    expect((await coursePage()).text).not.toContain('dev-panel');
  });

  it('tells open pages to reload when the site changes', async () => {
    const { server, file } = await devServerOn(validFiles());
    const page = await get(server, CHAPTER);
    expect(page.text).toContain('<script src="/__lectern/live-reload.js" defer></script>');
    const events = await fetch(`${server.url}/__lectern/events`);
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const next = reader.read();
    await save(
      server,
      file('courses/a-course/01-first.md'),
      CHAPTER_MD.replace('Some text.', 'Again.'),
    );
    const chunk: Uint8Array | undefined = (await next).value;
    expect(new TextDecoder().decode(chunk)).toContain('event: reload');
    await reader.cancel();
  });
});

describe('the development server, against other sites and runaway pages', () => {
  const port = (server: DevServer) => Number(new URL(server.url).port);

  it.each(['localhost', '127.0.0.1', '[::1]', 'lectern.localhost'])(
    'answers a request for %s',
    async (host) => {
      const { server } = await devServerOn(validFiles());
      const answer = await send(port(server), CHAPTER, { headers: { host } });
      expect(answer.status).toBe(200);
    },
  );

  it('refuses a request for any other name, as DNS rebinding would send', async () => {
    const { server } = await devServerOn(validFiles());
    const answer = await send(port(server), CHAPTER, { headers: { host: 'evil.example' } });
    expect(answer.status).toBe(403);
    expect(answer.text).toBe(
      "This development server answers only localhost. To preview from another device, set HOST to this machine's address.\n",
    );
  });

  it(`keeps at most ${MAX_CLIENTS} live-reload connections`, async () => {
    const { server } = await devServerOn(validFiles());
    const streams = await Promise.all(
      Array.from({ length: MAX_CLIENTS }, () => fetch(`${server.url}${EVENTS_URL}`)),
    );
    expect(streams.map((r) => r.status)).toEqual(streams.map(() => 200));
    const refused = await fetch(`${server.url}${EVENTS_URL}`);
    expect(refused.status).toBe(503);
    for (const stream of streams) await stream.body?.cancel();
  });
});

describe('npm run dev', () => {
  it('listens on this machine only unless HOST says otherwise', () => {
    expect(readConfig({}, ROOT).devHost).toBe('127.0.0.1');
    expect(readConfig({}, ROOT).host).toBe('0.0.0.0');
    expect(readConfig({ HOST: '0.0.0.0' }, ROOT).devHost).toBe('0.0.0.0');
  });
});

async function contentWrite(file: string, body: string) {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, body);
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the dev server');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
