/**
 * `npm run build-demo`: builds the demo site from an empty site through the app's own set-up and
 * adapters (src/demo/build-demo-site.ts) and writes the snapshot src/demo/demo-site.json that
 * `npm start` and `npm run reset-demo` start from. Run it after changing the seed data, the demo
 * people, set-up or the local site's state format; src/demo/build-demo-site.test.ts fails until
 * the committed snapshot is what the builder makes.
 */
import { writeFileSync } from 'node:fs';
import { buildDemoSite } from '../src/demo/build-demo-site';
import { DEMO_SNAPSHOT_FILE, serializeDemoState } from '../src/demo/load-demo-state';

writeFileSync(DEMO_SNAPSHOT_FILE, serializeDemoState(await buildDemoSite()), 'utf8');
console.log(`Demosajten byggd i ${DEMO_SNAPSHOT_FILE}.`);
// PnP's Timeout behaviour leaves a 30-second timer behind every request; nothing else is pending.
process.exit(0);
