import { BASE_URL, PORT } from './env.ts';
import { buildUiIfNeeded, healthy, launch, stop, waitHealthy } from './server.ts';

// The e2e suite's one seeded server (test/e2e/server.ts). When scripts/test.ts
// has already started it in the background (E2E_SERVER_BOOTING), the setup only
// waits for it; the script stops it after the suite.
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.E2E_SERVER_BOOTING) {
    await waitHealthy();
    return async () => undefined;
  }
  buildUiIfNeeded();

  if (await healthy()) {
    if (process.env.E2E_REUSE_SERVER) return async () => undefined;
    throw new Error(
      `port ${PORT} already answers /healthz (${BASE_URL}): another server is running. Stop it, or set E2E_REUSE_SERVER=1 to test against it.`,
    );
  }

  const { child, exited } = launch(true);
  await waitHealthy(exited, () => stop(child));
  return async () => {
    await stop(child);
  };
}
