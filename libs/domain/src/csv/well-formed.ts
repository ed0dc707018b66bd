/**
 * A UTF-16 surrogate not paired: text no encoding can store. Written to a UTF-8 shard it became
 * U+FFFD, so a restart held another id than the one in memory (counted twice, then a worker that
 * would not start). Such text is refused where it enters.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
