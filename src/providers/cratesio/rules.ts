// crates.io API tokens (https://doc.rust-lang.org/cargo/reference/publishing.html, scopes and
// expiry since https://blog.rust-lang.org/2023/06/23/improved-api-tokens-for-crates-io.html):
// `cio` + 32 alphanumerics, the value `cargo login` stores in ~/.cargo/credentials.toml.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiToken: Rule = {
  id: 'cratesio-api-token',
  provider: 'cratesio',
  title: 'crates.io API token',
  // Publishing crate versions others build: a supply-chain compromise.
  severity: 'critical',
  keywords: ['cio'],
  prefixes: ['cio'],
  window: { before: 0, after: 36 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>cio[A-Za-z0-9]{32})${TOKEN_END}`),
  // Random alphanumerics: a word or a camelCase identifier stays below.
  minEntropy: 4,
  remediation:
    'Revoke the token on crates.io (Account settings → API Tokens, https://crates.io/settings/tokens), check the crates it could publish for versions you did not release (yank them), and create a scoped token with an expiry or use trusted publishing.',
  samples: {
    positive: [
      '[registry]\ntoken = "cio2KdZws208taEJGvmcFZHbonEPvM7VM5P"',
      'CARGO_REGISTRY_TOKEN=cio17GkTbwqSqUDaWZX3A6KdlnL4LyF161Q cargo publish',
    ],
    negative: [
      'CARGO_REGISTRY_TOKEN=cioxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // An identifier that starts with "cio".
      'const ciociaroAntipastoRecipeLoader2024 = load();',
      // 31 characters: truncated.
      'CARGO_REGISTRY_TOKEN=cio9l6zmpHvnjcGkZashvqkQybE1yCLbEu',
      'var precio9l6zmpHvnjcGkZashvqkQybE1yCLbEua = 0;',
    ],
  },
};

export const cratesio: ProviderDefinition = { id: 'cratesio', name: 'crates.io', rules: [apiToken] };
