// Validates a broken document and prints every problem with its code and path.
// Run after `make test` (which builds the package): node examples/js/validate.mjs
import { ValidationError, nordjylland2024, parse } from "../../bindings-wasm/js/index.node.js";

const doc = nordjylland2024();
doc.organisations[10].code = 852; // Aalborg's code is 851
doc.validity.nominal_duration_months = 0;
try {
  parse(JSON.stringify(doc));
} catch (err) {
  if (!(err instanceof ValidationError)) throw err;
  for (const p of err.errorsIn("da")) console.log(`${p.severity} ${p.code} ${p.path}: ${p.message}`);
}
