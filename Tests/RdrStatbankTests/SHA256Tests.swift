import CCrypto
@testable import RdrStatbank
import Testing

/// FIPS 180-4 test vectors, plus the padding boundaries (55, 56 and 64 bytes), each by both ways of
/// hashing: libcrypto's (what `SHA256.hex` uses when it loads) and rdr's own code.
struct SHA256Tests {
    private func bothHex(_ bytes: [UInt8]) -> (library: String, portable: String) {
        let portable = SHA256.portableDigest(bytes).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return (SHA256.hex(bytes), portable)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownDigests(_ text: String, _ digest: String) {
        let hex = bothHex(Array(text.utf8))
        #expect(hex.library == digest)
        #expect(hex.portable == digest)
    }

    @Test func aMillionAs() {
        let hex = bothHex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(hex.library == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(hex.portable == hex.library)
    }

    /// 55, 56 and 64 bytes of "x": where the padding needs one block or two. From
    /// `printf 'x%.0s' $(seq 1 N) | sha256sum`.
    @Test(arguments: [
        (55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        (56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        (64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
    ])
    func paddingBoundaries(_ count: Int, _ digest: String) {
        let hex = bothHex(Array(repeating: UInt8(ascii: "x"), count: count))
        #expect(hex.library == digest)
        #expect(hex.portable == digest)
    }

    @Test func bothWaysAgreeOnEveryLengthUpToThreeBlocksAndOnAMegabyte() {
        var generator = SystemRandomNumberGenerator()
        for count in Array(0...200) + [1 << 20, (1 << 20) + 17] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256.digest(bytes) == SHA256.portableDigest(bytes), "\(count) bytes")
        }
    }

    /// libcrypto comes with libcurl (libssl3), which .ci/run installs: the fast way must be the one taken.
    @Test func libcryptoIsLoaded() {
        var digest = [UInt8](repeating: 0, count: 32)
        #expect(rdr_sha256([0x61, 0x62, 0x63], 3, &digest) == 1)
        #expect(digest == SHA256.portableDigest(Array("abc".utf8)))
    }
}
