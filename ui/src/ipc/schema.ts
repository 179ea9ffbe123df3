import { Channel } from "@tauri-apps/api/core";

import type { SamplingProgress } from "../bindings/SamplingProgress";
import type { SchemaSample } from "../bindings/SchemaSample";
import { call } from "./invoke";

/** Samples up to `maxRows` rows of `table`; `onProgress` hears after every page. */
export function sampleSchema(
  profile: string,
  table: string,
  maxRows: number,
  onProgress: (progress: SamplingProgress) => void,
): Promise<SchemaSample> {
  const channel = new Channel<SamplingProgress>();
  channel.onmessage = onProgress;
  return call("sample_schema", { profile, table, maxRows, onProgress: channel });
}

/** Stops a running sample; resolves to whether one was running. */
export function cancelSampling(profile: string, table: string): Promise<boolean> {
  return call("cancel_sampling", { profile, table });
}
