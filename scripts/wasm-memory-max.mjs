// Prints the maximum of a wasm module's own memory, in 64 KiB pages
// ("none" when it has no maximum), read from the module's memory section.
// build-wasm.sh checks that the wasm32-only linker flag reached the module.
import { readFileSync } from "node:fs";

const bytes = readFileSync(process.argv[2]);
let at = 8; // past the magic number and the version
const leb = () => {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return value;
  }
};
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 5) {
    leb(); // the number of memories: one
    const flags = leb();
    leb(); // the minimum
    console.log(flags & 1 ? String(leb()) : "none");
    process.exit(0);
  }
  at = end;
}
console.log("none");
