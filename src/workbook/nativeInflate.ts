import { inflateRawSync } from "node:zlib";
import { RawInflate } from "./limits";

/** Node's zlib for the reading limits: it stops with a RangeError once the output passes `limit`. */
export const nativeInflate: RawInflate = (deflated, limit) =>
  inflateRawSync(deflated, { maxOutputLength: limit });
