import { describe, expect, it } from 'vitest';
import { CHAPTER_MD, COURSE_MD, SITE_YAML, validFiles } from '../support/content-fixture.js';
import { loadFiles, problemsOf } from '../support/load.js';

const withKey = (markdown: string, lines: string) =>
  markdown.replace('\n---\n', `\n${lines}\n---\n`);

/** An English course and its French translation, each with two chapters. */
function translatedFiles(): Record<string, string> {
  return {
    ...validFiles(),
    'site.yaml': `${SITE_YAML}languages:\n  fr:\n    title: Académie de test\n    description: Un site pour les tests.\n`,
    'courses/a-course/course.md': withKey(COURSE_MD, 'translationKey: a-course'),
    'courses/a-course/02-second.md': CHAPTER_MD.replace('First chapter', 'Second chapter'),
    'courses/un-cours/course.md': withKey(
      COURSE_MD.replace('title: A course', 'title: Un cours'),
      'language: fr\ntranslationKey: a-course',
    ),
    'courses/un-cours/01-premier.md': CHAPTER_MD.replace('First chapter', 'Premier chapitre'),
    'courses/un-cours/02-second.md': CHAPTER_MD.replace('First chapter', 'Deuxième chapitre'),
  };
}

describe('courses in several languages', () => {
  it('live under their language’s home, the site’s own at the root', async () => {
    const { site } = await loadFiles(translatedFiles());
    expect(site.courses.map((course) => [course.language, course.url])).toEqual([
      ['en', '/courses/a-course/'],
      ['fr', '/fr/courses/un-cours/'],
    ]);
    expect(site.courses[1]!.chapters.map((chapter) => chapter.url)).toEqual([
      '/fr/courses/un-cours/premier/',
      '/fr/courses/un-cours/second/',
    ]);
    expect(site.languages.map((text) => [text.language, text.home])).toEqual([
      ['en', '/'],
      ['fr', '/fr/'],
    ]);
  });

  it('take the site’s text in their language from site.yaml, else the site’s own', async () => {
    const files = translatedFiles();
    files['site.yaml'] = `${SITE_YAML}languages:
  fr:
    title: Académie de test
`;
    const { site, warnings } = await loadFiles(files);
    expect(warnings).toHaveLength(1);
    expect(site.languages[1]).toEqual({
      language: 'fr',
      home: '/fr/',
      title: 'Académie de test',
      description: 'A site for tests.',
    });
  });

  it('show the call to action of their language, or the site’s own', async () => {
    const files = translatedFiles();
    files['site.yaml'] = `${SITE_YAML}languages:
  fr:
    title: Académie de test
    description: Un site pour les tests.
    ctas:
      diploma:
        title: Obtenez un diplôme
        link:
          text: Trouvez une formation
          href: https://org.example/fr/paths
`;
    const { site } = await loadFiles(files);
    expect(site.courses.map((course) => course.cta?.title)).toEqual([
      'Get a diploma',
      'Obtenez un diplôme',
    ]);
  });
});

describe('translation problems', () => {
  it('name a translationKey no other course gives', async () => {
    const files = validFiles();
    files['courses/a-course/course.md'] = withKey(COURSE_MD, 'translationKey: lonely');
    expect(await problemsOf(files)).toEqual([
      'content/courses/a-course/course.md:8:17  translationKey  No other course has translationKey "lonely": give the same one to the course that translates this one, or remove it',
    ]);
  });

  it('name two translations in one language', async () => {
    const files = translatedFiles();
    files['courses/un-cours/course.md'] = files['courses/un-cours/course.md']!.replace(
      'language: fr\n',
      '',
    );
    expect(await problemsOf(files)).toEqual([
      'content/courses/un-cours/course.md:8:17  translationKey  "a-course" is in "en" too and has translationKey "a-course": translations of one course are each in another language',
    ]);
  });

  it('name a language without interface text, with the file to add', async () => {
    const files = validFiles();
    files['courses/a-course/course.md'] = withKey(COURSE_MD, 'language: de');
    expect(await problemsOf(files)).toEqual([
      'content/courses/a-course/course.md:8:11  language  No interface text in "de": add views/locales/de.yaml, or fix its errors if it has some (there are: en, fr)',
      'content/site.yaml:1:1  languages  warning: Courses are in "de", but site.yaml gives no title nor description in it under languages.de: its pages show the site\'s own',
    ]);
  });

  it('name two chapters of a course that claim one translationKey', async () => {
    const files = translatedFiles();
    files['courses/un-cours/01-premier.md'] = withKey(CHAPTER_MD, 'translationKey: same');
    files['courses/un-cours/02-second.md'] = withKey(CHAPTER_MD, 'translationKey: same');
    files['courses/a-course/01-first.md'] = withKey(CHAPTER_MD, 'translationKey: same');
    expect(await problemsOf(files)).toEqual([
      'content/courses/un-cours/02-second.md:4:17  translationKey  Another chapter of this course has translationKey "same": each pairs one chapter',
    ]);
  });

  it('warn of a chapter’s translationKey in a course that names no translation', async () => {
    const files = validFiles();
    files['courses/a-course/01-first.md'] = withKey(CHAPTER_MD, 'translationKey: intro');
    expect(await problemsOf(files)).toEqual([
      'content/courses/a-course/01-first.md:4:17  translationKey  warning: This pairs the chapter with a translation only once its course.md gives a translationKey too',
    ]);
  });

  it('warn of a language whose pages would show the site’s own title and description', async () => {
    const files = translatedFiles();
    files['site.yaml'] = `${SITE_YAML}languages:\n  fr:\n    title: Académie de test\n`;
    expect(await problemsOf(files)).toEqual([
      'content/site.yaml:15:3  languages  warning: Courses are in "fr", but site.yaml gives no description in it under languages.fr: its pages show the site\'s own',
    ]);
  });

  it('name a call to action a language translates but the site does not have', async () => {
    const files = translatedFiles();
    files['site.yaml'] = `${SITE_YAML}languages:
  fr:
    title: Académie de test
    description: Un site pour les tests.
    ctas:
      newsletter:
        title: Recevez la lettre
        link:
          text: S’inscrire
          href: https://org.example/fr/lettre
`;
    expect(await problemsOf(files)).toEqual([
      'content/site.yaml:19:7  languages.fr.ctas.newsletter  No call to action named "newsletter" under the site\'s own ctas: a language translates those, by the same names',
    ]);
  });

  it('warn of a chapter’s translationKey that its translation lacks', async () => {
    const files = translatedFiles();
    files['courses/un-cours/01-premier.md'] = withKey(CHAPTER_MD, 'translationKey: intro');
    expect(await problemsOf(files)).toEqual([
      'content/courses/un-cours/01-premier.md:4:17  translationKey  warning: No chapter of "a-course" has translationKey "intro": give its translation the same one',
    ]);
  });
});
