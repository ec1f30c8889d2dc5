// npm's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const npmSettings = defineSettings({
  registryUrl: baseUrl('LEAKSTOP_NPM_REGISTRY_URL', 'https://registry.npmjs.org'),
});

export type NpmSettings = ReturnType<typeof npmSettings.read>;
