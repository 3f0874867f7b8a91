import { createRouter } from '@ronghe/http';

/** The public, versioned API for third-party apps (API keys). */
export function createPublicApi() {
  return createRouter();
}
