import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureListener } from '../support/fixture-site.js';

let listener: Awaited<ReturnType<typeof fixtureListener>>['listener'];
let pageUrls: readonly string[];

beforeAll(async () => {
  const site = await fixtureListener();
  listener = site.listener;
  pageUrls = site.built.rendered.pageUrls;
});

const COURSE = '/courses/our-principles/';
const CHAPTER = '/courses/our-principles/our-principles/';

describe('every page', () => {
  it('answers 200 with HTML, one h1 and a skip link', async () => {
    expect(pageUrls.length).toBeGreaterThanOrEqual(8);
    for (const url of pageUrls) {
      const response = await request(listener).get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text.match(/<h1[ >]/g), url).toHaveLength(1);
      expect(response.text).toContain('<a class="skip-link" href="#main">');
      expect(response.text).not.toMatch(/\sstyle=|<script>/);
    }
  });
});

describe('the catalog', () => {
  it('lists every course with its facts', async () => {
    const { text } = await request(listener).get('/').expect(200);
    expect(text).toContain(
      '<a href="/courses/our-principles/">Discover the OpenClassrooms principles</a>',
    );
    expect(text).toContain('<a href="/courses/write-a-course/">Write a course with Lectern</a>');
    expect(text).toContain('4 hours');
    expect(text).toContain('Medium');
  });
});

describe('the course page', () => {
  it('shows the course facts of its course.md', async () => {
    const { text } = await request(listener).get(COURSE).expect(200);
    expect(text).toContain('<h1>Discover the OpenClassrooms principles</h1>');
    expect(text).toMatch(/Duration:<\/span> 4 hours/);
    expect(text).toMatch(/Difficulty:<\/span> Medium/);
    expect(text).toContain('Free online content available in this course.');
    expect(text).toContain('Last updated on <time datetime="2024-03-21">3/21/24</time>');
  });

  it('lists its chapters and links to the first one', async () => {
    const { text } = await request(listener).get(COURSE).expect(200);
    expect(text).toContain(
      `<a href="${CHAPTER}"><span class="chapter-number">1</span><span class="chapter-title">Our Principles</span><span class="chapter-status visually-hidden"></span></a>`,
    );
    expect(text).toMatch(
      new RegExp(
        `<a class="button button-start" href="${CHAPTER}" data-start [^>]*>Start the course</a>`,
      ),
    );
  });

  it('shows the diploma call to action with its four points and the certificate', async () => {
    const { text } = await request(listener).get(COURSE).expect(200);
    expect(text).toContain('Ever considered an OpenClassrooms diploma?');
    for (const point of [
      'Up to 100% of your training program funded',
      'Flexible start date',
      'Career-focused projects',
      'Individual mentoring',
    ]) {
      expect(text).toContain(point);
    }
    expect(text).toContain('Find the training program and funding option that suits you best');
    expect(text).toMatch(
      /<img src="\/assets\/content\/images\/certificate\.[0-9a-f]{10}\.svg" alt=""[^>]*>\s*<figcaption>Example of certificate of achievement<\/figcaption>/,
    );
  });
});

describe('the chapter page', () => {
  it('renders the four principles as sections', async () => {
    const { text } = await request(listener).get(CHAPTER).expect(200);
    expect(text).toContain('<h1>Our Principles</h1>');
    for (const [id, heading] of [
      ['we-care', 'We Care'],
      ['we-tell-it-like-it-is', 'We Tell It Like It Is'],
      ['we-dare', 'We Dare'],
      ['we-persist', 'We Persist'],
      ['more-details', 'More details'],
    ]) {
      expect(text).toContain(`<h2 id="${id}">${heading}</h2>`);
      expect(text).toContain(`<a href="#${id}">${heading}</a>`);
    }
  });

  it('renders both illustrations as figures with their captions', async () => {
    const { text } = await request(listener).get(CHAPTER).expect(200);
    expect(text).toContain('<figcaption>OpenClassrooms principles</figcaption>');
    expect(text).toContain('<figcaption>The behaviors linked to our principles</figcaption>');
  });

  it('renders the behaviors table with a row for each principle', async () => {
    const { text } = await request(listener).get(CHAPTER).expect(200);
    const table = /<table>[\s\S]*<\/table>/.exec(text)?.[0] ?? '';
    expect(table.match(/<tr>/g)).toHaveLength(5);
    for (const principle of ['We care', 'We tell it like it is', 'We dare', 'We persist']) {
      expect(table).toMatch(new RegExp(`<td>${principle}</td>`, 'i'));
    }
  });

  it('shows the course facts, the chapter list and the call to action', async () => {
    const { text } = await request(listener).get(CHAPTER).expect(200);
    expect(text).toContain('Last updated on <time datetime="2024-03-21">3/21/24</time>');
    expect(text).toContain(`<a href="${CHAPTER}" aria-current="page">`);
    expect(text).toContain('Ever considered an OpenClassrooms diploma?');
  });

  it('links to the previous and next chapters', async () => {
    const { text } = await request(listener)
      .get('/courses/write-a-course/front-matter/')
      .expect(200);
    expect(text).toMatch(
      /<a class="pager-link pager-previous" href="\/courses\/write-a-course\/course-and-chapters\/" rel="prev">/,
    );
    expect(text).toMatch(
      /<a class="pager-link pager-next" href="\/courses\/write-a-course\/markdown\/" rel="next">/,
    );
  });

  it('is the same page with a query string, not a new one', async () => {
    const plain = await request(listener).get(CHAPTER);
    const withQuery = await request(listener).get(`${CHAPTER}?utm_source=x`);
    expect(withQuery.status).toBe(200);
    expect(withQuery.text).toBe(plain.text);
  });
});

describe('a course in parts', () => {
  const PARTED = '/courses/learn-in-parts/';

  it('shows its image, what the learner will learn and each part with its chapters', async () => {
    const { text } = await request(listener).get(PARTED).expect(200);
    expect(text).toMatch(
      /<img class="course-image" src="\/assets\/content\/courses\/learn-in-parts\/images\/cover\.[0-9a-f]{10}\.svg" alt="Files in two parts becoming a course page" width="640" height="400"/,
    );
    expect(text).toContain('<h2 id="objectives-title">What you will learn</h2>');
    expect(text).toContain('<span>Know how long each chapter takes.</span>');
    expect(text).toContain('2 parts · 3 chapters · 1 hour');
    expect(text).toContain(
      '<p class="part-label">Part 1 <span class="part-summary">· 2 chapters · 35 minutes</span></p>',
    );
    expect(text).toContain('<h3 id="part-1-title" class="part-title">Getting started</h3>');
    expect(text).toContain(
      '<p class="part-description">The first steps, in two short chapters.</p>',
    );
    expect(text).toContain('<p>Start here if the subject is new to you.</p>');
    expect(text).toContain(
      '<span class="chapter-title">Second steps</span><span class="chapter-duration">20 minutes</span>',
    );
    expect(text).toContain('<h3 id="part-2-title" class="part-title">Going further</h3>');
  });

  it('names the part and the place in it above a chapter title', async () => {
    const { text } = await request(listener).get(`${PARTED}second-steps/`).expect(200);
    expect(text).toContain('<p class="chapter-kicker">Part 1 · Chapter 2</p>');
  });

  it('groups the outline by part, with the current part open', async () => {
    const { text } = await request(listener).get(`${PARTED}third-steps/`).expect(200);
    expect(text).toContain(
      '<details class="outline-part">\n  <summary>Part 1 · Getting started</summary>',
    );
    expect(text).toContain(
      '<details class="outline-part" open>\n  <summary>Part 2 · Going further</summary>',
    );
  });

  it('says so when the next or previous chapter is in another part', async () => {
    const second = (await request(listener).get(`${PARTED}second-steps/`).expect(200)).text;
    expect(second).toContain(
      `<a class="pager-link pager-next" href="${PARTED}third-steps/" rel="next"><span class="pager-label">Next: Part 2 · Going further</span><span class="pager-title">Third steps</span></a>`,
    );
    expect(second).toContain(
      '<span class="pager-label">Previous chapter</span><span class="pager-title">First steps</span>',
    );
    const third = (await request(listener).get(`${PARTED}third-steps/`).expect(200)).text;
    expect(third).toContain(
      '<span class="pager-label">Previous: Part 1 · Getting started</span><span class="pager-title">Second steps</span>',
    );
  });

  it('shows a card in the catalog with the image and the number of parts and chapters', async () => {
    const { text } = await request(listener).get('/').expect(200);
    expect(text).toMatch(
      /<img class="course-card-image" src="[^"]*cover\.[0-9a-f]{10}\.svg" alt="Files in two parts becoming a course page"/,
    );
    expect(text).toContain('<p class="course-card-chapters">2 parts · 3 chapters</p>');
  });
});

describe('the free badge', () => {
  it('explains itself in a disclosure that opens without JavaScript', async () => {
    const { text } = await request(listener).get(COURSE).expect(200);
    expect(text).toMatch(
      /<details class="free-note" data-free-note>\s*<summary class="fact-free">.*Free online content available in this course\.<\/summary>/,
    );
    expect(text).toContain(
      '<button class="button button-small" type="button" data-free-note-dismiss hidden>Got it!</button>',
    );
  });
});

describe('the certificate page', () => {
  const CERTIFICATE = '/courses/learn-in-parts/certificate/';

  it('says what it is and is not, and works without JavaScript by saying where progress lives', async () => {
    const { text } = await request(listener).get(CERTIFICATE).expect(200);
    expect(text).toContain('<h1>Certificate of achievement</h1>');
    expect(text).toContain(
      'It records that you completed the course in this browser: it is not verified by OpenClassrooms.',
    );
    expect(text).toContain('<h2>Your progress is kept by your browser</h2>');
    expect(text).toMatch(/<section class="certificate-ready" data-certificate-ready hidden/);
  });

  it('lists every chapter, for the browser to show those still to complete', async () => {
    const { text } = await request(listener).get(CERTIFICATE).expect(200);
    const listed = [
      ...text.matchAll(/<li data-chapter-url="([^"]+)"><a href="\1">([^<]+)<\/a><\/li>/g),
    ];
    expect(listed.map((m) => m[2])).toEqual(['First steps', 'Second steps', 'Third steps']);
  });

  it('is offered from the course page once the course is complete', async () => {
    const { text } = await request(listener).get('/courses/learn-in-parts/').expect(200);
    expect(text).toMatch(
      /<p class="course-complete" data-course-complete hidden>.*You completed this course\. <a href="\/courses\/learn-in-parts\/certificate\/">Get your certificate of achievement<\/a><\/p>/,
    );
  });
});
