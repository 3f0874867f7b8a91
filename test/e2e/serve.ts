// Boots the e2e server in the background for scripts/test.ts: builds the UI if
// needed, then runs scripts/start.ts in this process's group (the caller
// started this script detached and ends the whole group when the suite is done).
import { buildUiIfNeeded, launch } from './server.ts';

buildUiIfNeeded();
const { child } = launch(false);
child.once('exit', (code) => process.exit(code ?? 1));
