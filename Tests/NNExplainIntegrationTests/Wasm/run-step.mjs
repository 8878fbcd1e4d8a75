// Runs `step` inside the WebAssembly module (Scripts/build-wasm.sh) in Node and prints its text:
//   node run-step.mjs MODULE.wasm NETWORK.json LAYER J K [SAMPLE] [text|mathml]
// LAYER as the command line takes it: `L`, `L-1`, or a number counted from the input. Prints the
// explanation (exit 0), or the module's sentence on standard error (exit 1).
import { readFileSync } from "node:fs";
import { randomFillSync } from "node:crypto";

const [modulePath, networkPath, layerText, j, k, sample = "0", format = "text"] = process.argv.slice(2);
let memory;
// The four WASI calls wasi-libc links in: writes reach standard error (a trap's message), the
// hash seed's random bytes come from Node, nothing is opened or sought.
const wasi = {
  fd_write(fd, iovs, count, written) {
    const view = new DataView(memory.buffer);
    let total = 0;
    for (let i = 0; i < count; i++) {
      const base = view.getUint32(iovs + 8 * i, true), length = view.getUint32(iovs + 8 * i + 4, true);
      process.stderr.write(new Uint8Array(memory.buffer, base, length));
      total += length;
    }
    view.setUint32(written, total, true);
    return 0;
  },
  random_get(pointer, length) { randomFillSync(new Uint8Array(memory.buffer, pointer, length)); return 0; },
  fd_close() { return 8; },
  fd_seek() { return 8; },
};
const { instance } = await WebAssembly.instantiate(readFileSync(modulePath), { wasi_snapshot_preview1: wasi });
const m = instance.exports;
memory = m.memory;

const relative = /^L(-\d+)?$/.test(layerText);
const layer = relative ? Number(layerText.slice(2) || 0) : Number(layerText);
const json = readFileSync(networkPath);
const pointer = m.malloc(json.length);
new Uint8Array(memory.buffer, pointer, json.length).set(json);
const status = (format === "mathml" ? m.step_mathml : m.step_text)(pointer, json.length, layer, relative ? 1 : 0, Number(j), Number(k), Number(sample));
m.free(pointer);
const text = new Uint8Array(memory.buffer, m.result_pointer(), m.result_length());
if (status === 0) {
  process.stdout.write(text);
} else {
  process.stderr.write(Buffer.concat([Buffer.from(text), Buffer.from("\n")]));
  process.exitCode = 1;
}
