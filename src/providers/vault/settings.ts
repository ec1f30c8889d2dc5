// HashiCorp Vault's operator settings (environment only): the Vault leakstop may ask about a leaked
// token. No default: Vault runs wherever its operator runs it, so without a URL leakstop cannot talk to it.
import { defineSettings, optionalUrl, textSetting } from '../settings.js';

export const vaultSettings = defineSettings({
  url: optionalUrl('LEAKSTOP_VAULT_URL'),
  namespace: textSetting('LEAKSTOP_VAULT_NAMESPACE', /^[A-Za-z0-9_./-]{1,200}$/, 'must be a Vault namespace path such as admin/team-a'),
});

export type VaultSettings = ReturnType<typeof vaultSettings.read>;
