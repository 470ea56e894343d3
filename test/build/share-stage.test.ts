import { describe, expect, it } from 'vitest';
import { shareStage } from '../../src/build/share-stage.js';
import { createMemo } from '../../src/build/memo.js';
import { renderShareCard, shareCardFonts } from '../../src/render/share-card.js';
import { COURSE_MD, validFiles } from '../support/content-fixture.js';
import { loadFiles } from '../support/load.js';

// A 2x1 PNG: enough for the image-size reader and for a network that shows the picture.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEAD/4B/2t4b4QAAAAASUVORK5CYII=',
  'base64',
);

async function siteWithImage(src: string | undefined) {
  const image = src ? `\nimage:\n  src: ${src}\n  alt: The cover` : '';
  return (
    await loadFiles({
      ...validFiles(),
      'courses/a-course/course.md': COURSE_MD.replace('updated: 2024-03-21', `updated: 2024-03-21${image}`),
      'courses/a-course/images/cover.png': PNG,
      'courses/a-course/images/cover.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"></svg>',
    })
  ).site;
}

const drawn: string[] = [];
const draw = (svgs: readonly string[]) => {
  drawn.push(...svgs);
  return Promise.resolve(svgs.map((svg) => renderShareCard(svg, shareCardFonts())));
};

const input = (site: Awaited<ReturnType<typeof siteWithImage>>, memo = createMemo<Buffer>()) => ({
  site,
  siteUrl: 'https://courses.example.com',
  memo,
  pack: undefined,
  draw,
});

describe('shareStage', () => {
  it("offers a course's own PNG image as it is", async () => {
    const site = await siteWithImage('images/cover.png');
    const share = shareStage(input(site));
    expect(await share.assets).toEqual([]);
    expect(share.byCourse.get('a-course')).toEqual({
      url: `https://courses.example.com${site.courses[0]!.image!.url}`,
      width: 2,
      height: 1,
      alt: 'The cover',
    });
  });

  it('draws a card for a course whose image is an SVG, which networks do not show', async () => {
    const share = shareStage(input(await siteWithImage('images/cover.svg')));
    const assets = await share.assets;
    expect(assets.map((asset) => asset.url)).toEqual([
      expect.stringMatching(/^\/assets\/share\/a-course\.[0-9a-f]{10}\.png$/),
    ]);
    expect(share.byCourse.get('a-course')?.url).toBe(`https://courses.example.com${assets[0]!.url}`);
    expect(assets[0]!.body.subarray(1, 4).toString()).toBe('PNG');
  });

  it('draws a card once for the same words, and again when the title changes', async () => {
    const memo = createMemo<Buffer>();
    const site = await siteWithImage(undefined);
    drawn.length = 0;
    const [first] = await shareStage(input(site, memo)).assets;
    expect((await shareStage(input(site, memo)).assets)[0]!.body).toBe(first!.body);
    expect(drawn).toHaveLength(1);
    const renamed = { ...site, courses: [{ ...site.courses[0]!, title: 'Another title' }] };
    const [again] = await shareStage(input(renamed, memo)).assets;
    expect(again!.url).not.toBe(first!.url);
    expect(drawn).toHaveLength(2);
  });
});
