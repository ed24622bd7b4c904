// Imported first by the bench entries evaluated through DevTools, which CSP exempts: zod would
// then think eval is allowed and compile its fast paths later, outside that exemption, where CSP
// refuses them. The app's own scripts meet the CSP from the start, so zod never compiles there;
// this says the same before any schema is built.
import { config } from 'zod';

config({ jitless: true });
