import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256, sha256Bytes, utf8Bytes } from '../../src/input/sha256';

describe('sha256 (FIPS 180-4 / NIST example vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('sha256(%j)', (text, digest) => {
    expect(sha256(text)).toBe(digest);
  });

  it('hashes one million "a"', () => {
    expect(sha256('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with Node crypto at every padding boundary (55, 56, 63, 64, 65 bytes ...)', () => {
    for (let n = 0; n <= 130; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
      expect(sha256Bytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('encodes UTF-8 like Node, astral characters and lone surrogates included (property)', () => {
    expect(Array.from(utf8Bytes('é€😀'))).toEqual(Array.from(Buffer.from('é€😀', 'utf8')));
    expect(Array.from(utf8Bytes('\ud800x'))).toEqual(Array.from(Buffer.from('\ud800x', 'utf8')));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(Buffer.from(utf8Bytes(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
        expect(sha256(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
    );
  });
});
