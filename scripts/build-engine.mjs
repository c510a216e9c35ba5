// `npm run build:engine`: (re)build the engine jar when engine/ changed.
import { ensureEngineJar } from './bootstrap.mjs';

ensureEngineJar();
