// Cloudinary URLs: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { cloudinary } from './rules.js';

export const cloudinaryProvider: ProviderModule = { detection: cloudinary };
