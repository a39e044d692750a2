// Ports come from E2E_PORT so that several checkouts on one machine can run their
// suites at once without one reusing another's preview server.
export const PREVIEW_PORT = Number(process.env.E2E_PORT ?? 4173);
/** A second preview server that the offline test stops mid-test. */
export const OFFLINE_PORT = PREVIEW_PORT + 7;
/** The collaboration server that e2e/collab.spec.ts starts (4650 with E2E_PORT=4600). */
export const COLLAB_PORT = PREVIEW_PORT + 50;
/** A second collaboration server, beside COLLAB_PORT's behind one Redis (e2e/redis.spec.ts). */
export const SECOND_COLLAB_PORT = COLLAB_PORT + 1;
