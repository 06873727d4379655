/**
 * `npm run reset-demo`: puts the local SharePoint site back to the demo data (both seed reports
 * and the open period 2020-08, the committed snapshot src/demo/demo-site.json). A running
 * `npm start` picks it up at its next start; while it runs, the same is done by
 * POST /sites/planuppfoljning/_local/reset.
 */
import { loadDemoState } from '../src/demo/load-demo-state';
import { saveState } from '../src/local-site/persistence';
import { DEMO_SITE_NAME, siteDataFile } from '../src/local-site/vite-plugin';

const dataDir = process.env.LOCAL_SITE_DATA_DIR ?? '.local-site';
const file = siteDataFile(dataDir, DEMO_SITE_NAME);
saveState(file, loadDemoState());
console.log(`Demodata återställd i ${file}.`);
