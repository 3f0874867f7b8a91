import { use, type ComponentType } from 'react';

/**
 * A component whose code loads on demand, like `React.lazy`, except that once its code is here it
 * draws at once instead of suspending (docs/adr/0031). `React.lazy` suspends on its first draw
 * even when the import has long finished, and a draw that resumes after a Suspense fallback is a
 * "retry": React 19 renders it in 5 ms slices and holds its commit until 300 ms after the fallback
 * appeared. A cold page load whose layout and page were fetched beside the session would pay both.
 * `preload()` starts the download (once; a failed one is tried again on the next call) and resolves
 * when the code has run; `loaded()` says whether drawing it now would suspend.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let component: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => (component = c),
      (err: unknown) => {
        // A failed download (a new release replaced the files) is tried again on the next visit.
        pending = undefined;
        throw err;
      },
    ));
  function Preloadable(props: P) {
    const Loaded = component ?? use(preload());
    return <Loaded {...props} />;
  }
  return Object.assign(Preloadable, { preload, loaded: () => component !== undefined });
}
