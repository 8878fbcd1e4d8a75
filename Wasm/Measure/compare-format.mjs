// Compares the native texts of format.c (a file: n doubles, then n %.*g and n %.*f slots of 40
// bytes) with the module's for the same doubles, and prints how many differ.
//   node compare-format.mjs format.wasm native.bin
import { readFileSync } from "node:fs";

const [wasmPath, nativePath] = process.argv.slice(2);
const data = readFileSync(nativePath);
const n = data.length / 88;
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { wasi_snapshot_preview1: new Proxy({}, { get: () => () => 8 }) });
const m = instance.exports;
const base = m.memory.buffer.byteLength;
m.memory.grow(Math.ceil((88 * n) / 65536));
new Uint8Array(m.memory.buffer, base, 8 * n).set(data.subarray(0, 8 * n));
m.nn_format_many(n, base, base + 8 * n);
const wasm = Buffer.from(new Uint8Array(m.memory.buffer, base + 8 * n, 80 * n));
const native = data.subarray(8 * n);
let g = 0, f = 0, example = "";
for (let i = 0; i < 2 * n; i++) {
  const a = native.subarray(40 * i, 40 * i + 40), b = wasm.subarray(40 * i, 40 * i + 40);
  if (!a.equals(b)) {
    if (i < n) g++; else f++;
    if (!example) example = ` (first: ${a.toString().replace(/\0.*/, "")} against ${b.toString().replace(/\0.*/, "")})`;
  }
}
console.log(`snprintf: ${n} doubles; %.*g texts that differ: ${g}, %.*f texts that differ: ${f}${example}`);
