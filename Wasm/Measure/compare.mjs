// Compares the native libm's values (a file written by the native build of elementary.c:
// n arguments, then n results) with the WebAssembly build's for the same arguments, and prints
// how many agree bit for bit and how many differ by 1, 2, or more units in the last place.
// Every argument where they differ is written to DIFFERENCES (one line: x, native, wasm, as exact
// hexadecimal bits), for referee.py to say which is correctly rounded.
//   node compare.mjs elementary.wasm NAME WHICH native.bin DIFFERENCES
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, name, which, nativePath, differencesPath] = process.argv.slice(2);
const data = readFileSync(nativePath);
const n = data.length / 16;
const all = new Float64Array(data.buffer, data.byteOffset, 2 * n);
const args = all.subarray(0, n), native = all.subarray(n);
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
const m = instance.exports;
// The arguments and results in fresh pages past the module's own memory.
const base = m.memory.buffer.byteLength;
m.memory.grow(Math.ceil((16 * n) / 65536));
new Float64Array(m.memory.buffer, base, n).set(args);
m.nn_apply(Number(which), n, base, base + 8 * n);
const wasm = new Float64Array(m.memory.buffer, base + 8 * n, n);

// The distance in ulps: doubles mapped to integers that count upwards through every double.
const ordered = (x) => {
  const b = new BigInt64Array(new Float64Array([x]).buffer)[0];
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
};
const bits = (x) => new BigUint64Array(new Float64Array([x]).buffer)[0].toString(16).padStart(16, "0");
const differences = [];
const counts = new Map();
let worst = 0n, worstAt = -1;
for (let i = 0; i < n; i++) {
  const a = native[i], b = wasm[i];
  let d;
  if (Number.isNaN(a) || Number.isNaN(b)) d = Number.isNaN(a) && Number.isNaN(b) ? 0n : -1n;
  else { d = ordered(a) - ordered(b); if (d < 0n) d = -d; }
  const key = d < 0n ? "nan-vs-number" : d === 0n ? "0" : d === 1n ? "1" : d === 2n ? "2" : ">2";
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (d > worst) { worst = d; worstAt = i; }
  if (d !== 0n) differences.push(`${bits(args[i])} ${bits(a)} ${bits(b)}\n`);
}
writeFileSync(differencesPath, differences.join(""));
const line = ["0", "1", "2", ">2", "nan-vs-number"].map((k) => `${k} ulp: ${counts.get(k) ?? 0}`).join(", ");
console.log(`${name}: ${n} arguments; ${line}` + (worstAt >= 0 ? `; largest ${worst} ulp at x = ${args[worstAt]} (native ${native[worstAt]}, wasm ${wasm[worstAt]})` : ""));
