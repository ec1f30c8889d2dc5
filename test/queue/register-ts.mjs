// `node --import ./test/queue/register-ts.mjs file.ts`: installs the TypeScript hooks (ts-hooks.mjs).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
