// The public face of the alliance capability (ADR 0010): exactly what the workers and scripts call.
// Named exports only, never `export *`: a name is public because a caller needs it.
// Other capabilities do not import this file; they use './read.ts' (`@ronghe/alliance/read`).
export { decideAdjustment } from './adjustments/decide.ts';
export { proposeAdjustment } from './adjustments/propose.ts';
export { createAlliance } from './alliances/create.ts';
export { exportAlliances } from './alliances/export.ts';
export { getAlliance } from './alliances/get.ts';
export { listAlliances } from './alliances/list.ts';
export { transitionAlliance, type DissolutionSettler } from './alliances/transition.ts';
export { updateAlliance } from './alliances/update.ts';
export { createDocument } from './documents/create.ts';
export { getDocument } from './documents/get.ts';
export { attachOriginal } from './documents/original-attach.ts';
export { getOriginal } from './documents/original-get.ts';
export type { OriginalStore } from './documents/original-store.ts';
export { updateDocument } from './documents/update.ts';
export { acknowledgeCityFilings, type CityCtx } from './city-filings/acknowledge.ts';
export { cityFilingsConsumer } from './city-filings/consumer.ts';
export { refreshCityFilings, refreshCityFilingsPage } from './city-filings/copy.ts';
export { listCityFilings } from './city-filings/list.ts';
export { acknowledgeFiling } from './filings/acknowledge.ts';
export { acknowledgeFilings } from './filings/acknowledge-many.ts';
export { listFilings } from './filings/list.ts';
export { setGovernance } from './governance/set.ts';
export { addMember } from './members/add.ts';
export { removeMember } from './members/remove.ts';
export { updateMember } from './members/update.ts';
export { createRedDistrict } from './red/district-create.ts';
export { getRedDistrict } from './red/district-get.ts';
export { listRedDistricts } from './red/district-list.ts';
export { updateRedDistrict } from './red/district-update.ts';
export { createRedRoute } from './red/route-create.ts';
export { getRedRoute } from './red/route-get.ts';
export { listRedRoutes } from './red/route-list.ts';
export { updateRedRoute } from './red/route-update.ts';
export { ADJUSTABLE, TRANSITIONS } from './state-machine.ts';
