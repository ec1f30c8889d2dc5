// The claims of a JWT-shaped credential, for rules that keep a token only when its payload says
// what it is (Monday, Auth0, Calendly): three base64url parts whose first two are JSON objects.
// Nothing is verified: the signature needs the issuer's key, and the claims alone are enough to
// tell one provider's token from any other JWT.
import { decodeBase64Url } from '../detect/checksum.js';

function decodeObject(part: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Url(part);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The payload of `token` when it is a well-formed JWT (a JSON header and payload, a base64url signature). */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[2] === '' || !decodeBase64Url(parts[2]!) || !decodeObject(parts[0]!)) return undefined;
  return decodeObject(parts[1]!);
}
