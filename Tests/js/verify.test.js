// The browser's verifier (templates/assets/verify/) against the shared vectors in
// Tests/vectors/credentials/: RFC 8785, ECMAScript numbers, RFC 8032, the W3C
// eddsa-jcs-2022 vector and every hostile case, through both crypto paths (WebCrypto,
// as Node has it, and the hand-written SHA and Ed25519 of browsers without it).
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const zlib = require("node:zlib");

const assets = path.join(__dirname, "..", "..", "templates", "assets", "verify");
const bytes = require(path.join(assets, "bytes.js"));
const json = require(path.join(assets, "json.js"));
const jcs = require(path.join(assets, "jcs.js"));
const sha = require(path.join(assets, "sha.js"));
const ed25519 = require(path.join(assets, "ed25519.js"));
const inflate = require(path.join(assets, "inflate.js"));
const verifier = require(path.join(assets, "verify.js"));

const vectors = path.join(__dirname, "..", "vectors", "credentials");
const read = (name) => fs.readFileSync(path.join(vectors, name), "utf8");
const tsv = (name) => read(name).split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));

test("canonical JSON matches RFC 8785 as PyPI's rfc8785 writes it", () => {
  const cases = JSON.parse(read("jcs.json"));
  assert.ok(cases.length >= 19);
  for (const c of cases) assert.strictEqual(jcs.canonical(json.parse(c.input)), c.canonical, c.input);
});

test("numbers print as the shared table says (the Swift side's table too)", () => {
  const rows = tsv("numbers.tsv");
  assert.ok(rows.length > 4000);
  const view = new DataView(new ArrayBuffer(8));
  for (const [bits, text] of rows) {
    view.setBigUint64(0, BigInt("0x" + bits));
    assert.strictEqual(jcs.canonical(view.getFloat64(0)), text, bits);
  }
});

test("the strict reader refuses what I-JSON refuses, with Swift's reasons", () => {
  const cases = [
    ['{"name":"A","name":"B"}', "duplicate-key"], ['{"a":"\\ud800"}', "lone-surrogate"], ['{"a":"\ud800"}', "lone-surrogate"],
    ['{"a":9007199254740993}', "number-range"], ['{"a":1e400}', "number-range"], ['{"a":-0}', "number-range"],
    ['{"__proto__":{}}', "reserved-key"], ['{"a":1,}', "syntax"], ["[1 2]", "syntax"], ['{"a":01}', "syntax"], ["NaN", "syntax"],
    ["[".repeat(10000) + "]".repeat(10000), "too-deep"], ['"' + "a".repeat(70000) + '"', "too-large"],
  ];
  for (const [text, reason] of cases) {
    assert.throws(() => json.parse(text), (e) => e instanceof json.Failure && e.reason === reason, text.slice(0, 40));
  }
  const v = json.parse('{"a":"\\u00e9\\n","b":"e\\u0301"}');
  assert.strictEqual(Object.getPrototypeOf(v), null);
  assert.notStrictEqual(v.a, v.b);
});

test("SHA-256 and SHA-512 agree with Node's crypto", () => {
  for (const n of [0, 1, 55, 56, 63, 64, 111, 112, 127, 128, 1000, 5000]) {
    const data = crypto.randomBytes(n);
    assert.strictEqual(bytes.hex(sha.sha256(data)), crypto.createHash("sha256").update(data).digest("hex"), `sha256 of ${n}`);
    assert.strictEqual(bytes.hex(sha.sha512(data)), crypto.createHash("sha512").update(data).digest("hex"), `sha512 of ${n}`);
  }
});

test("Ed25519 verifies RFC 8032's vectors and refuses altered ones", () => {
  for (const [secret, pub, message, signature] of tsv("ed25519.tsv")) {
    const key = bytes.fromHex(pub), msg = bytes.fromHex(message), sig = bytes.fromHex(signature);
    assert.ok(ed25519.verify(key, msg, sig), secret);
    const flipped = sig.slice(); flipped[3] ^= 1;
    assert.ok(!ed25519.verify(key, msg, flipped));
    const tooBig = sig.slice(); tooBig[63] |= 0xf0; // S ≥ L
    assert.ok(!ed25519.verify(key, msg, tooBig));
    assert.ok(!ed25519.verify(key, bytes.concat(msg, new Uint8Array([1])), sig));
  }
});

test("Ed25519 agrees with Node's on random keys and messages", () => {
  for (let i = 0; i < 20; i++) {
    const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
    const raw = publicKey.export({ format: "jwk" }).x;
    const key = bytes.fromBase64url(raw), msg = crypto.randomBytes(i * 7);
    const sig = new Uint8Array(crypto.sign(null, msg, privateKey));
    assert.ok(ed25519.verify(key, msg, sig));
    sig[40] ^= 0x10;
    assert.strictEqual(ed25519.verify(key, msg, sig), crypto.verify(null, msg, publicKey, sig));
  }
});

test("inflate reads what zlib writes, and stops at its bound", () => {
  const text = Buffer.from("Sertifikat pelatihan ASN ".repeat(300));
  for (const level of [1, 6, 9]) {
    assert.deepStrictEqual(Buffer.from(inflate.inflate(zlib.deflateRawSync(text, { level }), 1 << 20)), text);
    assert.deepStrictEqual(Buffer.from(inflate.gunzip(zlib.gzipSync(text, { level }), 1 << 20)), text);
  }
  assert.deepStrictEqual(Buffer.from(inflate.inflate(zlib.deflateRawSync(text, { level: 0 }), 1 << 20)), text);
  assert.strictEqual(inflate.inflate(zlib.deflateRawSync(Buffer.alloc(1 << 20, 32)), 65536), null, "a bomb stops at the bound");
  assert.strictEqual(inflate.inflate(new Uint8Array([0xff, 0xff, 0xff]), 1024), null);
});

test("the W3C eddsa-jcs-2022 vector verifies on both paths", async () => {
  const v = JSON.parse(read("eddsa-jcs-2022.json"));
  assert.strictEqual(jcs.canonical(v.unsigned), v.canonicalDocument);
  assert.strictEqual(jcs.canonical(v.proofOptions), v.canonicalProofOptions);
  const hashData = bytes.concat(sha.sha256(bytes.utf8(v.canonicalProofOptions)), sha.sha256(bytes.utf8(v.canonicalDocument)));
  assert.strictEqual(bytes.hex(hashData), v.hashData);
  const pub = bytes.fromBase58(v.publicKeyMultibase.slice(1)).subarray(2);
  const sig = bytes.fromBase58(v.proofValue.slice(1));
  assert.ok(ed25519.verify(pub, hashData, sig));
  const web = await verifier.cryptoFor(crypto.webcrypto.subtle);
  assert.strictEqual(web.name, "webcrypto");
  assert.ok(await web.ed25519(pub, hashData, sig));
});

const table = JSON.parse(read("hostile.json"));
const now = verifier.seconds(table.now);

for (const [name, cryptoPromise] of [["WebCrypto", verifier.cryptoFor(crypto.webcrypto.subtle)], ["no crypto.subtle", Promise.resolve(verifier.fallback)]]) {
  test(`every hostile case gets Swift's verdict and reason (${name})`, async () => {
    const c = await cryptoPromise;
    assert.ok(table.cases.length >= 50);
    for (const k of table.cases) {
      const list = table.statusLists[k.statusList] || null;
      const r = await verifier.verify(k.input, table.trust, list, now, c);
      assert.strictEqual(r.verdict, k.verdict, k.name);
      assert.strictEqual(r.reason, k.reason, k.name);
      const beforeProof = /^(input|json|format|issuer|proof)/.test(r.reason);
      assert.strictEqual(r.credential === null, beforeProof, `${k.name}: nothing is shown before the proof verifies`);
    }
  });
}

test("ten megabytes are refused unread", async () => {
  const r = await verifier.verify('{"name":"' + "a".repeat(10 << 20) + '"}', table.trust, null, now, verifier.fallback);
  assert.strictEqual(r.reason, "json.too-large");
});

test("a typed NIP is checked against the salted hash", async () => {
  const valid = table.cases.find((k) => k.name === "valid");
  const credential = json.parse(valid.input);
  assert.ok(await verifier.matchesNIP(credential, "199001012015031001", verifier.fallback));
  assert.ok(await verifier.matchesNIP(credential, " 199001012015031001 ", verifier.fallback));
  assert.ok(!(await verifier.matchesNIP(credential, "199001012015031002", verifier.fallback)));
});
