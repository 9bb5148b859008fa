/**
 * The softphone's pure SIP rules, as tables: final response → call outcome (issue 6) and the
 * removal of mDNS `.local` host candidates from the SDP we send.
 */
import { dropMdnsCandidates, outcomeFromResponse } from '../../renderer/softphone/softphone-service';

test.each([
  [486, null, 'busy'],
  [600, null, 'busy'],
  [408, null, 'noAnswer'],
  [480, null, 'noAnswer'],
  [487, 'timeout', 'noAnswer'],
  [487, 'operator', 'cancelled'],
  [487, null, 'failed'],
  [404, null, 'failed'],
  [403, null, 'failed'],
  [503, null, 'failed'],
] as const)('final %i (cancelled by %s) → %s', (code, by, outcome) => {
  expect(outcomeFromResponse(code, by)).toBe(outcome);
});

test('drops only .local host candidates from the SDP', () => {
  const sdp = [
    'v=0',
    'a=candidate:1 1 udp 2122260223 3f0c1a2b-1111-2222-3333-444455556666.local 54321 typ host generation 0',
    'a=candidate:2 1 udp 2122260223 127.0.0.1 54322 typ host generation 0',
    'a=candidate:3 1 udp 1686052607 203.0.113.5 54323 typ srflx raddr 0.0.0.0 rport 0',
    'a=ice-ufrag:abcd',
    '',
  ].join('\r\n');
  expect(dropMdnsCandidates(sdp).split('\r\n')).toEqual([
    'v=0',
    'a=candidate:2 1 udp 2122260223 127.0.0.1 54322 typ host generation 0',
    'a=candidate:3 1 udp 1686052607 203.0.113.5 54323 typ srflx raddr 0.0.0.0 rport 0',
    'a=ice-ufrag:abcd',
    '',
  ]);
});
