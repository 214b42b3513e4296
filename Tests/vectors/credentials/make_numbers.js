// Writes numbers.tsv: node Tests/vectors/credentials/make_numbers.js > Tests/vectors/credentials/numbers.tsv
// ECMAScript Number::toString over IEEE doubles: edge cases, then seeded random bit patterns.
let s = 0x9e3779b97f4a7c15n;
function next() { s = (s + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn; let z = s;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn; z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn; return z ^ (z >> 31n); }
const edges = ["0000000000000000","0000000000000001","8000000000000001","7fefffffffffffff","ffefffffffffffff","4340000000000000","c340000000000000","4430000000000000","44b52d02c7e14af5","44b52d02c7e14af6","44b52d02c7e14af7","444b1ae4d6e2ef4e","444b1ae4d6e2ef4f","444b1ae4d6e2ef50","3eb0c6f7a0b5ed8c","3eb0c6f7a0b5ed8d","41b3de4355555553","41b3de4355555554","41b3de4355555555","41b3de4355555556","41b3de4355555557","becbf647612f3696","43143ff3c1cb0959","4034000000000000","4034333333333333","3fb999999999999a","3ff0000000000000","0010000000000000","000fffffffffffff","3e7ad7f29abcaf48","3eb0c6f7a0b5ed8e","3eb0c6f7a0b5ed8b","4480f0cf064dd592","4480f0cf064dd591","4480f0cf064dd593"];
const buf = new DataView(new ArrayBuffer(8));
const out = ["bits\tstring"];
function row(hex) { buf.setBigUint64(0, BigInt("0x" + hex)); const v = buf.getFloat64(0); if (isFinite(v)) out.push(hex + "\t" + String(v)); }
edges.forEach(row);
for (let i = 0; i < 3000; i++) { const b = next(); row(b.toString(16).padStart(16, "0")); }
// Doubles with few digits, as JP and scores are: n/10 and n/1000 over a range.
for (let i = 0; i < 1000; i++) { buf.setFloat64(0, Number(next() % 100000n) / (i % 2 ? 10 : 1000)); out.push(buf.getBigUint64(0).toString(16).padStart(16, "0") + "\t" + String(buf.getFloat64(0))); }
process.stdout.write(out.join("\n") + "\n");
