// Imported once by src/main.tsx for its side effect: offline support for the production build.
import { browserRegisterEnv, registerServiceWorker } from './register-sw';

registerServiceWorker(browserRegisterEnv());
