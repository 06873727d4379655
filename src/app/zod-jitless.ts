import { z } from 'zod/mini';

// Zod 4 probes whether it may compile validators with `new Function` the first time a schema is
// built. The app runs under a Content-Security-Policy without 'unsafe-eval' (docs/hosting.md), so
// that probe would be reported as a violation. Turn compilation off before any schema exists:
// this module must be the first import of main.tsx.
z.config({ jitless: true });
