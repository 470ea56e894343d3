import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The same chapters as a Hugo site, so that Hugo's build can be timed beside Lectern's export:
 * the same Markdown bodies, front-matter reduced to what Hugo knows (title, description, weight
 * from the NN- number, slug), and layouts that render a comparable page (title, the course's
 * chapter list, the body, previous/next). Lectern's own syntax (`::: tip` callouts) is left as
 * it is: Hugo renders it as paragraphs, which costs it about the same.
 */

type Fields = Readonly<Record<string, string | number | boolean>>;

const CHAPTER_FILE = /^(\d+)-(.+)\.md$/;

const BASEOF = `<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Params.organization }}</footer>
</body>
</html>
`;

// Chapters are sorted by weight (their NN- number); in Hugo, Pages.Next is the page before.
const SINGLE = `{{ define "main" }}
{{ $chapters := .CurrentSection.Pages.ByWeight }}
<nav aria-label="Chapters">
<h2><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></h2>
<ol>{{ range $chapters }}<li><a href="{{ .RelPermalink }}"{{ if eq .RelPermalink $.RelPermalink }} aria-current="page"{{ end }}>{{ .Title }}</a></li>{{ end }}</ol>
</nav>
<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>
<nav aria-label="Previous and next">
{{ with $chapters.Next . }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with $chapters.Prev . }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>
{{ end }}
`;

const LIST = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ .Description }}</p>
<p>{{ .Params.duration }}, {{ .Params.difficulty }}</p>
{{ .Content }}
<ol>{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ol>
{{ end }}
`;

const INDEX = `{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p>{{ .Description }}</p>
<ul>{{ range .Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>
{{ end }}
`;

const LAYOUTS: Readonly<Record<string, string>> = {
  '_default/baseof.html': BASEOF,
  '_default/single.html': SINGLE,
  '_default/list.html': LIST,
  'index.html': INDEX,
};

/** Splits a Markdown file into its YAML front-matter and its body. */
function splitFrontMatter(text: string, file: string) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) throw new Error(`${file} has no front-matter`);
  const data = (parse(match[1] ?? '') ?? {}) as Record<string, unknown>;
  return { data, body: text.slice(match[0].length) };
}

/** YAML front-matter with every value as JSON, which is valid YAML whatever the text holds. */
function frontMatter(fields: Fields): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** A front-matter value as text: YAML gives numbers for `duration: 90` and the like. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function hugoConfig(siteUrl: string, site: Record<string, unknown>): string {
  const organization = (site.organization ?? {}) as Record<string, unknown>;
  return [
    `baseURL = ${JSON.stringify(`${siteUrl.replace(/\/+$/, '')}/`)}`,
    `languageCode = ${JSON.stringify(text(site.language ?? 'en'))}`,
    `title = ${JSON.stringify(text(site.title))}`,
    // Lectern has no tags, categories or feeds; its sitemap and robots.txt have Hugo's match.
    'disableKinds = ["taxonomy", "term", "RSS"]',
    'enableRobotsTXT = true',
    '[params]',
    `organization = ${JSON.stringify(text(organization.name))}`,
    // Lectern does not colour code; Chroma would triple Hugo's time on these chapters.
    '[markup.highlight]',
    'codeFences = false',
    '',
  ].join('\n');
}

async function convertChapter(from: string, to: string, file: string): Promise<boolean> {
  const match = CHAPTER_FILE.exec(file);
  if (!match) return false;
  const { data, body } = splitFrontMatter(await readFile(path.join(from, file), 'utf8'), file);
  const fields = {
    title: text(data.title),
    description: text(data.description),
    weight: Number(match[1]),
    slug: match[2] ?? '',
  };
  await writeFile(path.join(to, `${fields.slug}.md`), frontMatter(fields) + body);
  return true;
}

/** One course: its course.md as the section's _index.md, each chapter beside it. */
async function convertCourse(from: string, to: string, weight: number): Promise<number> {
  await mkdir(to, { recursive: true });
  const course = splitFrontMatter(await readFile(path.join(from, 'course.md'), 'utf8'), from);
  const fields = {
    title: text(course.data.title),
    description: text(course.data.description),
    weight,
    duration: text(course.data.duration),
    difficulty: text(course.data.difficulty),
  };
  await writeFile(path.join(to, '_index.md'), frontMatter(fields) + course.body);
  const files = (await readdir(from)).sort();
  const converted = await Promise.all(files.map((file) => convertChapter(from, to, file)));
  return converted.filter(Boolean).length;
}

/**
 * Writes a Hugo site in `siteDir` (emptied first) from a Lectern content folder; returns the
 * number of chapters it holds.
 */
export async function writeHugoSite(contentDir: string, siteDir: string, siteUrl: string) {
  await rm(siteDir, { recursive: true, force: true });
  const site = (parse(await readFile(path.join(contentDir, 'site.yaml'), 'utf8')) ?? {}) as Record<
    string,
    unknown
  >;
  for (const [file, layout] of Object.entries(LAYOUTS)) {
    await mkdir(path.dirname(path.join(siteDir, 'layouts', file)), { recursive: true });
    await writeFile(path.join(siteDir, 'layouts', file), layout);
  }
  await writeFile(path.join(siteDir, 'hugo.toml'), hugoConfig(siteUrl, site));
  const home = { title: text(site.title), description: text(site.description) };
  await mkdir(path.join(siteDir, 'content'), { recursive: true });
  await writeFile(path.join(siteDir, 'content', '_index.md'), frontMatter(home));
  const entries = await readdir(path.join(contentDir, 'courses'), { withFileTypes: true });
  const courses = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  let chapters = 0;
  // One course at a time: twenty files at once, not thousands, stay open.
  for (const [index, course] of courses.sort().entries()) {
    chapters += await convertCourse(
      path.join(contentDir, 'courses', course),
      path.join(siteDir, 'content', course),
      index + 1,
    );
  }
  return chapters;
}
