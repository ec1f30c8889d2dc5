// PyPI API tokens: 'pypi-' + a base64url v2 macaroon whose location is the index that issued it.
// The fixed first bytes (version 2, location field, length, "pypi.org") make the prefix
// pypi-AgEIcHlwaS5vcmc; TestPyPI tokens start pypi-AgENdGVzdC5weXBpLm9yZw. validate() decodes the
// whole macaroon, so a prefix followed by random base64 is not a finding.
import { decodeBase64Url, readMacaroonV2 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const PYPI_PREFIX = 'pypi-AgEIcHlwaS5vcmc';
const TESTPYPI_PREFIX = 'pypi-AgENdGVzdC5weXBpLm9yZw';

/** Accepts a token whose macaroon decodes and was issued by `location`. */
function issuedBy(location: string): (candidate: Candidate) => Validation {
  return ({ secret }) => {
    const bytes = decodeBase64Url(secret.slice('pypi-'.length));
    const macaroon = bytes && readMacaroonV2(bytes);
    if (!macaroon) return { valid: false, reason: 'not a v2 macaroon' };
    if (macaroon.location !== location) return { valid: false, reason: `issued by ${macaroon.location}, not ${location}` };
    return { valid: true, confidence: 'structure', details: { location, caveats: String(macaroon.caveats) } };
  };
}

function tokenPattern(prefix: string): RegExp {
  return new RegExp(String.raw`(?<![A-Za-z0-9_-])(?<secret>${prefix}[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])`);
}

const uploadToken: Rule = {
  id: 'pypi-upload-token',
  provider: 'pypi',
  title: 'PyPI API token',
  severity: 'critical',
  keywords: [PYPI_PREFIX],
  prefixes: ['pypi-'],
  window: { before: 0, after: 1030 },
  anchor: 'keyword',
  pattern: tokenPattern(PYPI_PREFIX),
  validate: issuedBy('pypi.org'),
  remediation:
    'Remove the token at https://pypi.org/manage/account/token/ (Account settings → API tokens), check the projects it could upload to for releases you did not make, and prefer trusted publishing from CI.',
  samples: {
    positive: [
      'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCJDg5NGZjZDgwLTNjZmUtNjAzMS03NDAyLWRjZDFlMzQyNmQ5OQACJXsidmVyc2lvbiI6IDEsICJwZXJtaXNzaW9ucyI6ICJ1c2VyIn0AAAYgO2vJ6aNjqSxOYkxSRYIoYciuRJ-FHPccb4svDtN-1dA',
      '[pypi]\n  username = __token__\n  password = pypi-AgEIcHlwaS5vcmcCJDk0ODk2YTllLWZiMzUtZWU3Ny00MjljLWIzMzQ5OGI1MzUyOQACPHsidmVyc2lvbiI6IDEsICJwZXJtaXNzaW9ucyI6IHsicHJvamVjdHMiOiBbImFjbWUtY2xpZW50Il19fQACG1swLCAxNzc1MDAxNjAwLCAxNzY3MjI1NjAwXQAABiDYGcisqPh7W-v8lZzXtYLly9cmxPLv2gkgdY4XtEOOCQ',
    ],
    negative: [
      // The right prefix, then random base64: not a macaroon.
      'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcfdptokP4suK13PpGEWHEnLkjc24ZB_xzF_gqeggZ1ZCjnccMcqRAuWcXkbKulXmh-CYVbS',
      'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TWINE_PASSWORD=pypi-<your API token>',
      // Truncated: the signature is cut off.
      'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCJDg5NGZjZDgwLTNjZmUtNjAzMS03NDAyLWRjZDFlMzQyNmQ5OQACJXsidmVyc2lvbiI6IDEsICJwZXJtaXNzaW9ucyI6ICJ1c2VyIn0AAAYgO2vJ6aNjqSxOYkxSRYIoYciuRJ',
    ],
  },
};

const testUploadToken: Rule = {
  id: 'testpypi-upload-token',
  provider: 'pypi',
  title: 'TestPyPI API token',
  // TestPyPI is a sandbox, but its tokens are still credentials of a real account.
  severity: 'low',
  keywords: [TESTPYPI_PREFIX],
  prefixes: ['pypi-'],
  window: { before: 0, after: 1030 },
  anchor: 'keyword',
  pattern: tokenPattern(TESTPYPI_PREFIX),
  validate: issuedBy('test.pypi.org'),
  remediation: 'Remove the token at https://test.pypi.org/manage/account/token/ and create a new one if still needed.',
  samples: {
    positive: [
      'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwIkZTE0MmM2YWYtN2Y2Yy03YzYxLTZhNGEtYWU3ODA4NDUzMDBmAAIleyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogInVzZXIifQAABiCT01IP8EYvuwkb9cxge9VBMItoc00kjdwkIXPOe92HAg',
      '[testpypi]\n  password = pypi-AgENdGVzdC5weXBpLm9yZwIkZTczZDQxNDctOTYwZS1mZDc2LWM2ZmMtMDkzMjQzOWNhNDM5AAI8eyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogeyJwcm9qZWN0cyI6IFsiYWNtZS1jbGllbnQiXX19AAAGIFrxmsfTAzgEEA9Dym0xtuvS5GweUWHEdGqDEMjAvFhD',
    ],
    negative: [
      'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwfdptokP4suK13PpGEWHEnLkjc24ZB_xzF_gqeggZ1ZCjnccMcqRAuWcXkbKulXmh',
      'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwIkZTE0MmM2YWYtN2Y2Yy03YzYxLTZhNGEtYWU3ODA4NDUzMDBmAAIleyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogInVzZXIifQAABiCT01IP8EYvuwkb',
    ],
  },
};

export const pypi: ProviderDefinition = { id: 'pypi', name: 'PyPI', rules: [uploadToken, testUploadToken] };
