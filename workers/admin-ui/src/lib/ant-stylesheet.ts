let loading: Promise<void> | undefined;

/**
 * The stylesheet of the antd components a first draw does not use (vite.config.ts antdStylesheets,
 * docs/adr/0031 tenth session), loaded with antd's code: whatever antd draws waits for it, so nothing
 * is ever shown unstyled. It goes in before the app's stylesheet, where it stood when antd's rules
 * were one file: antd's rules first, the app's own after them. A failed download is forgotten, so the
 * next island tries again. Under `vite dev` there is none (the first stylesheet holds all of antd).
 */
export function antStylesheet(): Promise<void> {
  const href = document.querySelector<HTMLMetaElement>('meta[name="ronghe-antd-stylesheet"]')?.content;
  if (!href) return Promise.resolve();
  loading ??= new Promise<void>((done, fail) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => done();
    link.onerror = () => {
      link.remove();
      loading = undefined;
      fail(new Error(`样式表 ${href} 加载失败`));
    };
    document.head.insertBefore(link, document.head.querySelector('link[rel="stylesheet"]'));
  });
  return loading;
}
