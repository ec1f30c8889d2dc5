// A sanitizer run of the native prefilter's loop (src/detect/native/prefilter.c) without Node:
// built with -fsanitize=address,undefined by test/detect/native-prefilter.test.ts, it scans
// random texts made of keywords, their fragments and multi-byte characters, each copied into an
// allocation of exactly its length, so that any read past the end stops the run.
// Usage: prefilter-fuzz KEYWORD_FILE ROUNDS, where each line of KEYWORD_FILE is
// "<anchor> <ignoreCase 0|1> <keyword bytes>". Prints "ok <hits>" and exits 0.
#define PREFILTER_CORE_ONLY
#include "../../../src/detect/native/prefilter.c"
#include <stdio.h>

static unsigned next_random(unsigned *seed) {
  *seed = *seed * 1103515245u + 12345u;
  return *seed >> 8;
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  FILE *file = fopen(argv[1], "r");
  if (!file) return 2;
  index_t *index = calloc(1, sizeof(index_t));
  index->entries = calloc(MAX_KEYWORDS, sizeof(entry_t));
  char line[512];
  char pieces[MAX_KEYWORDS * 2 + 8][MAX_KEYWORD_LENGTH + 1];
  uint32_t count = 0, piece_count = 0;
  while (count < MAX_KEYWORDS && fgets(line, sizeof line, file)) {
    unsigned anchor, ignore_case;
    int offset;
    if (sscanf(line, "%u %u %n", &anchor, &ignore_case, &offset) < 2) continue;
    const char *text = line + offset;
    size_t length = strcspn(text, "\n");
    if (length < 3 || length > MAX_KEYWORD_LENGTH || anchor + 3 > length) return 2;
    entry_t *entry = &index->entries[count];
    entry->keyword = count;
    entry->anchor = anchor;
    entry->ignore_case = ignore_case;
    entry->length = (uint32_t)length;
    for (size_t j = 0; j < length; j++) entry->codes[j] = ignore_case ? lower((uint8_t)text[j]) : (uint8_t)text[j];
    memcpy(pieces[piece_count], text, length);
    pieces[piece_count++][length] = 0;
    memcpy(pieces[piece_count], text + 1, length - 1);  // a fragment: the keyword without its first byte
    pieces[piece_count++][length - 1] = 0;
    count++;
  }
  fclose(file);
  const char *extra[] = {"x", " ", "\n", "\xc3\xa9", "\xe6\x97\xa5", "\xf0\x9f\x94\x91", "\x00"};
  for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) strcpy(pieces[piece_count++], extra[i]);
  index->entry_count = count;
  if (count == 0 || build_index(index)) return 2;
  unsigned seed = 7;
  size_t hits_total = 0;
  long rounds = atol(argv[2]);
  for (long round = 0; round < rounds; round++) {
    size_t wanted = next_random(&seed) % 40;
    uint8_t *text = malloc(wanted * (MAX_KEYWORD_LENGTH + 1) + 1);
    size_t length = 0;
    for (size_t i = 0; i < wanted; i++) {
      const char *piece = pieces[next_random(&seed) % piece_count];
      size_t piece_length = piece[0] ? strlen(piece) : 1;
      memcpy(text + length, piece, piece_length);
      length += piece_length;
    }
    size_t cut = length ? next_random(&seed) % (length + 1) : 0;
    uint8_t *exact = malloc(cut ? cut : 1);
    memcpy(exact, text, cut);
    hits_t hits = {0};
    scan(index, exact, cut, &hits);
    for (size_t i = 0; i < hits.length; i += 2) {
      const entry_t *entry = &index->entries[hits.data[i + 1]];
      if ((size_t)hits.data[i] + entry->length > cut) return 3;  // a hit must lie inside the text
    }
    hits_total += hits.length / 2;
    free(hits.data);
    free(exact);
    free(text);
  }
  free_index(index);
  printf("ok %zu\n", hits_total);
  return 0;
}
