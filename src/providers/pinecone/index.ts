// Pinecone API keys: detected and reported; deleted by hand in the Pinecone console.
import type { ProviderModule } from '../provider.js';
import { pinecone } from './rules.js';

export const pineconeProvider: ProviderModule = { detection: pinecone };
