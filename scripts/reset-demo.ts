/**
 * `npm run reset-demo`: puts the local SharePoint site back to the demo data (both seed reports
 * and the open period 2020-08, the committed snapshot src/demo/demo-site.json). A running
 * `npm start` picks it up at its next start; while it runs, the same is done by
 * POST /sites/planuppfoljning/_local/reset.
 */
import { join } from 'node:path';
import { loadDemoState } from '../src/demo/load-demo-state';
import { saveState } from '../src/local-site/persistence';

const dataDir = process.env.LOCAL_SITE_DATA_DIR ?? '.local-site';
const file = join(dataDir, 'site.json');
saveState(file, loadDemoState());
console.log(`Demodata återställd i ${file}.`);
