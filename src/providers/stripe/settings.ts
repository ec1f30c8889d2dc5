// Stripe's operator settings (environment only): where its API is, and the operator key it needs.
import { baseUrl, defineSettings, secretSetting } from '../settings.js';

export const stripeSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_STRIPE_API_URL', 'https://api.stripe.com'),
  /** A restricted key with Events read, for the leaked key's account events. */
  secretKey: secretSetting('LEAKSTOP_STRIPE_SECRET_KEY'),
});

export type StripeSettings = ReturnType<typeof stripeSettings.read>;
