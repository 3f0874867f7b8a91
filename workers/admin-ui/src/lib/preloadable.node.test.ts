import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable.tsx';

/** Draws `C` inside a Suspense boundary whose fallback reads 等待, as the layout does for its pages. */
const draw = (C: ComponentType) => renderToString(createElement(Suspense, { fallback: '等待' }, createElement(C)));

describe('preloadable (lib/preloadable.tsx)', () => {
  it('shows the fallback while its code loads, and draws at once when it has loaded', async () => {
    let loads = 0;
    const Page = preloadable(async () => {
      loads++;
      return () => createElement('p', null, '党组织管理');
    });
    expect(Page.loaded()).toBe(false);
    expect(draw(Page)).toContain('等待');
    await Page.preload();
    expect(Page.loaded()).toBe(true);
    // Drawn in the same pass: the page, no fallback.
    const drawn = draw(Page);
    expect(drawn).toContain('<p>党组织管理</p>');
    expect(drawn).not.toContain('等待');
    // One download however often it is asked for.
    await Page.preload();
    expect(loads).toBe(1);
  });

  it('tries a failed download again on the next preload', async () => {
    let attempts = 0;
    const Page = preloadable(async () => {
      if (++attempts === 1) throw new Error('新版本已替换文件');
      return () => createElement('p', null, '第二次');
    });
    await expect(Page.preload()).rejects.toThrow('新版本已替换文件');
    expect(Page.loaded()).toBe(false);
    await Page.preload();
    expect(attempts).toBe(2);
    expect(draw(Page)).toContain('<p>第二次</p>');
  });
});
