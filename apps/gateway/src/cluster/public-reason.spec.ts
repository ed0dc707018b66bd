import { describe, expect, it } from '@jest/globals';
import { publicReason } from './public-reason.js';

describe(publicReason.name, () => {
  it.each([
    ['connect ECONNREFUSED 127.0.0.1:4003', 'its worker refuses connections (not running?)'],
    ['getaddrinfo ENOTFOUND worker-lyon', "its worker's host cannot be found"],
    [
      'Empty response. There are no subscribers listening to that message ("city.lyon.info")',
      'no worker answers for it',
    ],
    [
      'read timeout from 10.0.3.7:4001 and worker-lyon:4001',
      'read timeout from its worker and its worker',
    ],
  ])('says what %s means without a host or port', (raw, said) => {
    expect(publicReason(raw)).toBe(said);
  });
});
